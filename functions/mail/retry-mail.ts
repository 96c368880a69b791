import { logger } from '#shared/logger.ts';
import { retryMail } from '#shared/mail/retry-mail.ts';
import { MAIL_GIVEN_UP } from '#shared/mail/rules.ts';

/** Scheduled: see functions/schedules.ts. The schedule's time is the clock (tests run it at a time they choose). */
export const handler = async (event: { time?: string }) => {
  const at = event?.time ? new Date(event.time) : new Date();
  const done = await retryMail(at);
  // Given-up mail needs a person (SES or its limits): this line is what the job's alarm counts.
  if (done.undelivered) logger.error(MAIL_GIVEN_UP, done);
  else logger.info('outbox mail retried', done);
  return done;
};
