import { partyEngagement } from '../engagements/access.ts';
import { considerationRequests } from './consideration.entity.ts';
import type { ConsiderationRequestOut } from './contract.ts';
import { seesRequest } from './rules.ts';
import { considerationView } from './view.ts';

/**
 * `GET /v1/engagements/{id}/consideration-requests`: the engagement's parties only (else 404); the firm sees every
 * request, a professional (or team member) their own, oldest first, each with its answer once given.
 */
export async function listConsiderationRequests(
  userId: string,
  engagementId: string,
): Promise<{ items: ConsiderationRequestOut[] }> {
  const e = await partyEngagement(userId, engagementId);
  const all = await considerationRequests.all(engagementId);
  return { items: all.filter((r) => seesRequest(e, r, userId)).map(considerationView) };
}
