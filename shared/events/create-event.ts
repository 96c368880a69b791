import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { requireStaffRegion } from './access.ts';
import type { EventOut } from './contract.ts';
import { events, type KakehashiEvent, ZERO_COUNTERS } from './event.entity.ts';
import { CLAIM_WINDOW_HOURS, type EventInput, REFUND_DAYS_BEFORE } from './rules.ts';
import { eventView } from './view.ts';

/**
 * Region staff draft an event.
 * 1. The municipality must be in the caller's region (else 403).
 * 2. Defaults: a 48-hour claim window, refunds up to 3 days before; all counters at 0.
 */
export async function createEvent(staff: User, input: EventInput): Promise<EventOut> {
  requireStaffRegion(staff, input.municipalityCode);
  const at = now();
  const event: KakehashiEvent = {
    ...input,
    ...ZERO_COUNTERS,
    id: randomUUID(),
    status: 'draft',
    prefectureCode: input.municipalityCode.slice(0, 2),
    regionCode: staff.regionCode as string,
    createdBy: staff.userId,
    claimWindowHours: input.claimWindowHours ?? CLAIM_WINDOW_HOURS.default,
    refundDaysBefore: input.refundDaysBefore ?? REFUND_DAYS_BEFORE.default,
    createdAt: at,
    updatedAt: at,
  };
  await events.create(event);
  return eventView(event);
}
