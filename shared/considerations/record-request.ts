import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { partyEngagement } from '../engagements/access.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { considerationRequests } from './consideration.entity.ts';
import type { ConsiderationRequestOut } from './contract.ts';
import { considerationMails } from './mails.ts';
import { type ConsiderationRequestInput, considerationDutyApplies } from './rules.ts';
import { considerationView } from './view.ts';

/**
 * `POST /v1/engagements/{id}/consideration-requests`: the professional (a team's director or member, each for
 * themselves) records a request for consideration (13条).
 *  1. The engagement must be the caller's (else 404); the firm answers requests, it does not make them (403).
 *  2. Whether the firm's duty applies (6 months or more, 13条1項) or its effort duty (2項), as of now.
 *  3. The request is kept under the engagement; the firm is mailed.
 */
export async function recordConsiderationRequest(
  profile: Pick<User, 'userId' | 'displayName'>,
  engagementId: string,
  input: ConsiderationRequestInput,
): Promise<ConsiderationRequestOut> {
  const e = await partyEngagement(profile.userId, engagementId);
  if (e.firmId === profile.userId)
    throw new ForbiddenError('The professional makes a request for consideration; the firm answers it.');
  const createdAt = new Date().toISOString();
  const request = {
    id: randomUUID(),
    engagementId,
    requesterId: profile.userId,
    requesterName: profile.displayName,
    kind: input.kind,
    request: input.request,
    dutyApplies: considerationDutyApplies(e, createdAt),
    createdAt,
  };
  await considerationRequests.record(request);
  const firm = await users.get(e.firmId);
  await sendMailQuietly(
    firm?.email,
    considerationMails.requested({
      title: e.title,
      requesterName: request.requesterName,
      kind: request.kind,
      request: request.request,
      dutyApplies: request.dutyApplies,
      engagementId,
      appUrl: config().WEB_ORIGIN,
    }),
  );
  return considerationView(request);
}
