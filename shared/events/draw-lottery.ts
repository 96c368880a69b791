import { randomInt } from 'node:crypto';
import { users } from '../accounts/user.entity.ts';
import { retryOnConflict } from '../data/transaction.ts';
import { type Draw, draws } from './draw.entity.ts';
import { events, type KakehashiEvent } from './event.entity.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { type Registration, registrations } from './registration.entity.ts';
import { ATTENDANCE, capacityOf, checkinCode, drawOrder, LOTTERY_PAYMENT_HOURS } from './rules.ts';
import { ticketCheckout } from './ticket-checkout.ts';

export const DRAW_METHOD =
  'Fisher–Yates shuffle of the entries (ordered by sign-up time) with Node’s crypto.randomInt; the first by capacity win, the rest wait in drawn order.';

/**
 * The lottery at the sign-up deadline.
 * 1. Once: draw a uniformly random order of each mode's entries and record it, with the event marked drawn,
 *    before anyone learns a result (a second run reads the same record).
 * 2. Apply the record: the first by capacity get a seat (confirmed with a code, or held for a day while a
 *    paid ticket is paid), the rest a place in line in drawn order. Each step is conditional on the entry,
 *    so a run after a crash finishes the rest and changes nothing done.
 * 3. Mail everyone their result.
 */
export async function drawLottery(
  eventId: string,
  at: Date,
  random: (n: number) => number = randomInt,
): Promise<number> {
  const event = await events.get(eventId);
  if (event?.status !== 'published' || event.selection !== 'lottery') return 0;
  if (Date.parse(event.signupDeadline) > at.getTime()) return 0;
  const all = await registrations.ofEvent(eventId);
  const draw = (await draws.get(eventId)) ?? (await record(event, all, at, random));
  const byId = new Map(all.map((r) => [r.id, r]));
  const people = await users.byIds(all.map((r) => r.userId));
  let applied = 0;
  for (const mode of draw.modes) {
    for (const [i, id] of mode.order.entries()) {
      const r = byId.get(id);
      if (r?.status !== 'entered') continue;
      const won = i < mode.capacity;
      const person = people.get(r.userId);
      const done = await applyOne(
        event,
        r,
        won,
        won ? mode.capacity : i - mode.capacity + 1,
        at,
        person?.email,
      );
      if (done) applied++;
    }
  }
  return applied;
}

async function record(
  event: KakehashiEvent,
  all: Registration[],
  at: Date,
  random: (n: number) => number,
): Promise<Draw> {
  const draw: Draw = {
    eventId: event.id,
    drawnAt: at.toISOString(),
    method: DRAW_METHOD,
    modes: ATTENDANCE.filter((mode) => capacityOf(event, mode) > 0).map((mode) => {
      const entries = all
        .filter((r) => r.status === 'entered' && r.attendance === mode)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return {
        attendance: mode,
        capacity: capacityOf(event, mode),
        order: drawOrder(entries, random).map((r) => r.id),
      };
    }),
  };
  try {
    await draws.record(draw);
    return draw;
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    return (await draws.get(event.id)) as Draw; // another run recorded it first
  }
}

/** One entry's result; `place` is the capacity for a winner, the place in line for the others. */
async function applyOne(
  event: KakehashiEvent,
  r: Registration,
  won: boolean,
  place: number,
  at: Date,
  email?: string,
) {
  const iso = at.toISOString();
  const paid = event.feeJpy > 0;
  let code: string | undefined;
  try {
    if (!won) {
      await retryOnConflict(() => registrations.drawn(r, iso, { won: false, ticket: place }));
    } else if (paid) {
      const person = await users.get(r.userId);
      if (!person) return false;
      const hold = await ticketCheckout(event, person, r.id, LOTTERY_PAYMENT_HOURS * 60 - 2);
      await retryOnConflict(() => registrations.drawn(r, iso, { won: true, capacity: place, hold }));
    } else {
      code = checkinCode(randomInt);
      const c = code;
      await retryOnConflict(() => registrations.drawn(r, iso, { won: true, capacity: place, code: c }));
    }
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
  await notify(
    r.userId,
    event,
    (a) =>
      eventMails.lotteryResult({
        ...a,
        won,
        paid,
        ...(code ? { code } : {}),
        ...(won ? {} : { position: place }),
      }),
    email,
  );
  return true;
}
