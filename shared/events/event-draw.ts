import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { NotFoundError } from '../domain/errors.ts';
import { staffEvent } from './access.ts';
import type { DrawOut } from './contract.ts';
import { draws } from './draw.entity.ts';
import { registrations } from './registration.entity.ts';

/** A lottery's record for its staff: when, how, and who came where in each mode. */
export async function eventDraw(staff: User, eventId: string): Promise<DrawOut> {
  await staffEvent(staff, eventId);
  const draw = await draws.get(eventId);
  if (!draw) throw new NotFoundError('This event has not been drawn.');
  const all = await registrations.ofEvent(eventId);
  const userOf = new Map(all.map((r) => [r.id, r.userId]));
  const people = await users.byIds(all.map((r) => r.userId));
  return {
    eventId,
    drawnAt: draw.drawnAt,
    method: draw.method,
    modes: draw.modes.map((m) => ({
      attendance: m.attendance,
      capacity: m.capacity,
      entries: m.order.length,
      order: m.order.map((id, i) => ({
        rank: i + 1,
        registrationId: id,
        displayName: people.get(userOf.get(id) ?? '')?.displayName ?? '',
        won: i < m.capacity,
      })),
    })),
  };
}
