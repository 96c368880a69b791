import { expireInvitations } from '#shared/admin/expire-invitations.ts';
import { logger } from '#shared/logger.ts';

/** Scheduled: see functions/schedules.ts. */
export const handler = async (event: { time?: string }) => {
  const at = event?.time ? new Date(event.time) : new Date();
  const expired = await expireInvitations(at);
  logger.info('invitations expired', { count: expired });
  return { expired };
};
