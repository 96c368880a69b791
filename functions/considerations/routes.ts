import { ConsiderationList, ConsiderationRequestOut } from '#shared/considerations/contract.ts';
import {
  ConsiderationAnswerInput,
  ConsiderationParams,
  ConsiderationRequestInput,
} from '#shared/considerations/rules.ts';
import { Id } from '#shared/domain/fields.ts';
import { line } from '#shared/http/route.ts';

/**
 * The considerations context's lines: requests for consideration of pregnancy, childbirth, childcare or family
 * care (freelance act 13条), made by the engagement's professional side, answered by its firm, kept.
 */
export const recordConsiderationRequest = /* @__PURE__ */ line(
  'POST /v1/engagements/{id}/consideration-requests',
  {
    handler: 'considerations/record-request',
    access: ['professional'],
    tag: 'considerations',
    summary:
      'The professional side (a team’s director or member, for themselves) records a request for consideration (freelance act 13条); `dutyApplies`: 6 months or more. The firm is mailed; it may not ask (403).',

    needs: { table: 'write', mail: true },
    params: Id,
    body: ConsiderationRequestInput,
    response: ConsiderationRequestOut,
  },
);

export const listConsiderationRequests = /* @__PURE__ */ line(
  'GET /v1/engagements/{id}/consideration-requests',
  {
    handler: 'considerations/list-requests',
    access: ['firm', 'professional'],
    tag: 'considerations',
    summary:
      'An engagement’s requests for consideration, oldest first, with their answers: the firm sees all, a professional their own. Its parties only.',
    needs: { table: 'read' },
    params: Id,
    response: ConsiderationList,
  },
);

export const answerConsiderationRequest = /* @__PURE__ */ line(
  'PUT /v1/engagements/{id}/consideration-requests/{requestId}/answer',
  {
    handler: 'considerations/answer-request',
    access: ['firm'],
    tag: 'considerations',
    summary:
      'The firm answers a request for consideration, once (again → 409 answered): accommodated, partly, or not_possible with the reason why. The requester is mailed.',
    needs: { table: 'write', mail: true },
    params: ConsiderationParams,
    body: ConsiderationAnswerInput,
    response: ConsiderationRequestOut,
  },
);
