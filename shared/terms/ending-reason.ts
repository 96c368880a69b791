import { users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { ConflictError, ForbiddenError } from '../domain/errors.ts';
import { firmEngagement, partyEngagement } from '../engagements/access.ts';
import { type EndingNotice, type Engagement, engagements } from '../engagements/engagement.entity.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { issueNextTerms } from './issue-terms.ts';
import { termsMails } from './mails.ts';

const NO_NOTICE = 'The firm has not given notice of ending this engagement.';

/**
 * `POST /v1/engagements/{id}/ending-reason-request`: the professional (a team's director or member) asks why a
 * long engagement is being ended (16条2項); once. The firm is mailed, and the request is recorded in the terms.
 */
export async function askEndingReason(userId: string, id: string): Promise<{ ending: EndingNotice }> {
  const e = await partyEngagement(userId, id);
  if (e.firmId === userId)
    throw new ForbiddenError('The professional asks for the reason; the firm gives it.');
  if (!e.ending) throw new ConflictError(NO_NOTICE, 'no_notice');
  const at = new Date().toISOString();
  if (!(await engagements.endingStep(id, { reasonRequestedAt: at })))
    throw new ConflictError('The reason was asked for already.', 'reason_requested');
  const ending = { ...e.ending, reasonRequestedAt: at };
  await issueNextTerms(id, 'ending_reason_requested', (facts) => ({ ...facts, ending }), at);
  const firm = await users.get(e.firmId);
  await sendMailQuietly(
    firm?.email,
    termsMails.reasonRequested({
      title: e.title,
      professionalName: e.professionalName,
      engagementId: id,
      appUrl: config().WEB_ORIGIN,
    }),
  );
  return { ending };
}

/** `PUT /v1/engagements/{id}/ending-reason`: the firm gives the reason, once; its professional side is mailed. */
export async function giveEndingReason(
  firmId: string,
  id: string,
  reason: string,
): Promise<{ ending: EndingNotice }> {
  const e: Engagement = await firmEngagement(firmId, id);
  if (!e.ending) throw new ConflictError(NO_NOTICE, 'no_notice');
  const at = new Date().toISOString();
  if (!(await engagements.endingStep(id, { reason, reasonGivenAt: at })))
    throw new ConflictError('The reason was given already; it is in the terms.', 'reason_given');
  const ending = { ...e.ending, reason, reasonGivenAt: at };
  await issueNextTerms(id, 'ending_reason', (facts) => ({ ...facts, ending }), at);
  const people = await users.byIds([e.professionalId, ...(e.memberIds ?? [])]);
  const mail = termsMails.reasonGiven({
    title: e.title,
    firmName: e.firmName,
    reason,
    engagementId: id,
    appUrl: config().WEB_ORIGIN,
  });
  await Promise.all([...people.values()].map((p) => sendMailQuietly(p.email, mail)));
  return { ending };
}
