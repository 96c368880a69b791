import { cancellationReasons, retryOnConflict } from '../data/transaction.ts';
import { events } from './event.entity.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { type Attendance, addHours, capacityOf } from './rules.ts';

/**
 * Gives free seats of a mode to the people waiting, first in line first.
 * 1. Read the event: published, drawn if a lottery, a seat free and someone waiting — else nothing to do.
 * 2. Offer the seat to the first in line until the claim window ends (never past the start): one transaction
 *    moves them to offered and takes the seat, under the capacity condition.
 * 3. Mail the offer; again while seats are free. Safe to run any number of times, from anywhere.
 */
export async function fillSeats(eventId: string, mode: Attendance, at: Date): Promise<number> {
  let offered = 0;
  for (let round = 0; round < 50; round++) {
    const event = await events.get(eventId);
    if (event?.status !== 'published' || (event.selection === 'lottery' && !event.drawnAt)) return offered;
    const capacity = capacityOf(event, mode);
    if (event[`${mode}Taken`] >= capacity || event[`${mode}Waiting`] <= 0) return offered;
    const [first] = await registrations.firstWaiting(eventId, mode);
    if (!first) return offered; // the line is being written: whoever joins it fills seats after
    const window = addHours(at, event.claimWindowHours);
    const offerExpiresAt =
      Date.parse(window) < Date.parse(event.startsAt) ? window : new Date(event.startsAt).toISOString();
    try {
      await retryOnConflict(() => registrations.offer(first, capacity, offerExpiresAt, at.toISOString()));
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const [moved] = cancellationReasons(error);
      if (moved === 'ConditionalCheckFailed') continue; // that person left the line meanwhile: the next one
      return offered; // the seat went meanwhile
    }
    offered++;
    await notify(first.userId, event, (about) =>
      eventMails.offered({ ...about, offerExpiresAt, paid: event.feeJpy > 0 }),
    );
  }
  return offered;
}
