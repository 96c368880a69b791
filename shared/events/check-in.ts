import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { countEvent } from '../business-metrics.ts';
import { isConditionFailure } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { staffEvent } from './access.ts';
import { registrations } from './registration.entity.ts';
import { checkinOpen } from './rules.ts';

const notConfirmed = (status: string) =>
  new ConflictError(
    status === 'cancelled' || status === 'expired'
      ? 'This registration was cancelled: the code is not valid.'
      : `This person has no confirmed seat (${status}).`,
    'not_confirmed',
  );

/**
 * Its staff check a code in at the door.
 * 1. Check-in opens two hours before the start and closes at the end.
 * 2. The code's registration: unknown → 404; not confirmed → 409; checked in before → the same time, and
 *    nothing is written; else the time now, kept (a second scan at the same moment keeps the first).
 */
export async function checkIn(staff: User, eventId: string, code: string, at: Date) {
  const event = await staffEvent(staff, eventId);
  const open = checkinOpen(event, at);
  if (!open.ok) throw new ConflictError(open.reason, open.code);
  const r = await registrations.byCode(eventId, code);
  if (!r) throw new NotFoundError('No registration of this event has this code.');
  const person = await users.get(r.userId);
  const who = { displayName: person?.displayName ?? '', attendance: r.attendance };
  if (r.checkedInAt) return { checkedInAt: r.checkedInAt, already: true, ...who };
  if (r.status !== 'confirmed') throw notConfirmed(r.status);
  try {
    const checkedInAt = await registrations.checkIn(r, at.toISOString());
    // A scan at the same moment as another kept the other's time: that one was counted.
    if (checkedInAt === at.toISOString()) countEvent('CheckIn');
    return { checkedInAt, already: checkedInAt !== at.toISOString(), ...who };
  } catch (error) {
    if (isConditionFailure(error)) throw notConfirmed('cancelled');
    throw error;
  }
}
