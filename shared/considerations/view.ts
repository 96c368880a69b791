import type { ConsiderationRequest } from './consideration.entity.ts';
import type { ConsiderationRequestOut } from './contract.ts';

/** What the engagement's parties see of a request: who asked, what, and the firm's answer (not who typed it). */
export function considerationView(r: ConsiderationRequest): ConsiderationRequestOut {
  return {
    id: r.id,
    engagementId: r.engagementId,
    requester: { id: r.requesterId, displayName: r.requesterName },
    kind: r.kind,
    request: r.request,
    dutyApplies: r.dutyApplies,
    createdAt: r.createdAt,
    ...(r.answer
      ? { answer: { text: r.answer.text, outcome: r.answer.outcome, answeredAt: r.answer.answeredAt } }
      : {}),
  };
}
