import { users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { firmEngagement } from '../engagements/access.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { considerationRequests } from './consideration.entity.ts';
import type { ConsiderationRequestOut } from './contract.ts';
import { considerationMails } from './mails.ts';
import type { ConsiderationAnswerInput } from './rules.ts';
import { considerationView } from './view.ts';

const ANSWERED = 'This request was answered already; the answer is kept with it.';

/**
 * `PUT /v1/engagements/{id}/consideration-requests/{requestId}/answer`: the engagement's firm answers, once.
 *  1. The engagement must be the firm's and the request one of it (else 404).
 *  2. The answer is written only if there is none (a second → 409 `answered`, even when two race).
 *  3. The requester is mailed the answer.
 */
export async function answerConsiderationRequest(
  firmId: string,
  engagementId: string,
  requestId: string,
  input: ConsiderationAnswerInput,
): Promise<ConsiderationRequestOut> {
  const e = await firmEngagement(firmId, engagementId);
  const found = (await considerationRequests.all(engagementId)).find((r) => r.id === requestId);
  if (!found) throw new NotFoundError('No such request for consideration on this engagement.');
  if (found.answer) throw new ConflictError(ANSWERED, 'answered');
  const answered = await considerationRequests.answer(found, {
    text: input.answer,
    outcome: input.outcome,
    answeredAt: new Date().toISOString(),
    answeredBy: firmId,
  });
  if (!answered) throw new ConflictError(ANSWERED, 'answered');
  const requester = await users.get(answered.requesterId);
  await sendMailQuietly(
    requester?.email,
    considerationMails.answered({
      title: e.title,
      firmName: e.firmName,
      outcome: input.outcome,
      answer: input.answer,
      engagementId,
      appUrl: config().WEB_ORIGIN,
    }),
  );
  return considerationView(answered);
}
