import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { isConditionFailure, retryOnConflict } from '../data/transaction.ts';
import { staffEvent } from './access.ts';
import type { EventOut } from './contract.ts';
import { events } from './event.entity.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { expireCheckout, refundTicket } from './ticket-checkout.ts';
import { eventView } from './view.ts';

const ACTIVE = ['entered', 'waitlisted', 'offered', 'pending_payment', 'confirmed'];

/**
 * Its staff cancel the event.
 * 1. The event → cancelled (out of the listing; no more sign-ups).
 * 2. Every active registration: a paid ticket refunded in full (whatever the date: the organisers cancelled),
 *    a hold's session expired, the registration cancelled, the person told.
 * Calling again is safe and finishes what a failure half-way left (each step is idempotent): the loop runs
 * over whatever is still active.
 */
export async function cancelEvent(staff: User, id: string): Promise<EventOut> {
  const read = await staffEvent(staff, id);
  const at = now();
  let cancelled = read;
  if (read.status !== 'cancelled') {
    try {
      cancelled = await events.cancel(read, at);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      cancelled = (await events.get(id)) ?? read;
    }
  }
  const active = (await registrations.ofEvent(id)).filter((r) => ACTIVE.includes(r.status));
  const people = await users.byIds(active.map((r) => r.userId));
  for (const r of active) {
    const refundedJpy =
      r.status === 'confirmed' && r.paymentIntentId ? await refundTicket(r.paymentIntentId, r.id) : undefined;
    if (r.status === 'pending_payment') await expireCheckout(r);
    await retryOnConflict(() =>
      registrations.leave(r, 'cancelled', at, refundedJpy !== undefined ? { refundedJpy } : {}),
    ).catch((error: Error) => {
      if (error.name !== 'TransactionCanceledException') throw error;
    });
    await notify(
      r.userId,
      read,
      (a) => eventMails.eventCancelled({ ...a, ...(refundedJpy ? { refundedJpy } : {}) }),
      people.get(r.userId)?.email,
    );
  }
  return eventView(cancelled);
}
