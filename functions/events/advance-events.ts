import { advanceEvents } from '#shared/events/advance-events.ts';
import { logger } from '#shared/logger.ts';

/** Scheduled: see functions/schedules.ts. The schedule's time is the clock (tests run it at a time they choose). */
export const handler = async (event: { time?: string }) => {
  const at = event?.time ? new Date(event.time) : new Date();
  const done = await advanceEvents(at);
  logger.info('events advanced', done);
  return done;
};
