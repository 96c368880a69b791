import { logger } from '../logger.ts';
import { outbox } from './outbox.entity.ts';
import { nextAttemptAt, refusalOf } from './rules.ts';
import { sendMail } from './send.ts';

/**
 * The retry-mail job, at `at`:
 * 1. Query the outbox for mail whose next try is due (an index ordered by that time: no scan).
 * 2. Claim each try (a conditional update: two runs never send the same try), then send it.
 * 3. Delivered → removed; refused → waits for its next try, or is recorded as undelivered.
 */
export async function retryMail(at: Date) {
  const done = { delivered: 0, retrying: 0, undelivered: 0 };
  for (const mail of await outbox.due(at)) {
    if (!(await outbox.claim(mail, at))) continue;
    const attempts = mail.attempts + 1;
    try {
      await sendMail(mail.to, mail);
      await outbox.delivered(mail);
      done.delivered += 1;
    } catch (error) {
      const refusal = refusalOf(error);
      const next = nextAttemptAt(attempts, refusal.errorName, at);
      await outbox.refusedAgain(mail, refusal, next, at);
      done[next ? 'retrying' : 'undelivered'] += 1;
      logger.warn('mail refused again', { mailId: mail.id, template: mail.template, attempts, ...refusal });
    }
  }
  return done;
}
