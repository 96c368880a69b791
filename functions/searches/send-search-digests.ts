import { logger } from '#shared/logger.ts';
import { sendSearchDigests } from '#shared/searches/send-digests.ts';

/** Scheduled: see functions/schedules.ts. The schedule's time is the clock (tests run it at a time they choose). */
export const handler = async (event: { time?: string }) => {
  const at = event?.time ? new Date(event.time) : new Date();
  const done = await sendSearchDigests(at);
  logger.info('search digests sent', done);
  return done;
};
