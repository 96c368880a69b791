import type { User } from '../accounts/user.entity.ts';
import { retryOnConflict } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { RegistrationOut } from './contract.ts';
import { events } from './event.entity.ts';
import { fillSeats } from './fill-seats.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { canCancelRegistration, HOLDS_SEAT, refundable } from './rules.ts';
import { expireCheckout, refundTicket } from './ticket-checkout.ts';
import { registrationView } from './view.ts';

/**
 * Someone cancels their registration.
 * 1. A paid ticket cancelled up to `refundDaysBefore` days before the start is refunded in full (first, so a
 *    cancellation never loses a refund: Stripe's idempotency key makes a retry the same refund); a hold's
 *    Checkout Session is expired.
 * 2. One transaction: cancelled, and the seat, place in line or entry given back.
 * 3. The seat is offered to the first in line; the person is told.
 */
export async function cancelRegistration(person: User, eventId: string, at: Date): Promise<RegistrationOut> {
  const [event, read] = await Promise.all([events.get(eventId), registrations.get(eventId, person.userId)]);
  if (!event || !read) throw new NotFoundError('You are not signed up for this event.');
  const verdict = canCancelRegistration(read);
  if (!verdict.ok) throw new ConflictError(verdict.reason, verdict.code);
  let refundedJpy: number | undefined;
  if (read.status === 'confirmed' && read.paymentIntentId && refundable(event, at))
    refundedJpy = await refundTicket(read.paymentIntentId, read.id);
  if (read.status === 'pending_payment') await expireCheckout(read);
  let r = read;
  for (let attempt = 1; ; attempt++) {
    try {
      await retryOnConflict(() =>
        registrations.leave(
          r,
          'cancelled',
          at.toISOString(),
          refundedJpy !== undefined ? { refundedJpy } : {},
        ),
      );
      break;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException' || attempt === 5) throw error;
      // It moved meanwhile (an offer, a draw, a payment): cancel what it is now.
      const now = await registrations.get(eventId, person.userId);
      if (!now || !canCancelRegistration(now).ok)
        throw new ConflictError('This registration is no longer active.', 'already_cancelled');
      r = now;
    }
  }
  if (HOLDS_SEAT.includes(r.status)) await fillSeats(eventId, r.attendance, at);
  await notify(
    person.userId,
    event,
    (a) => eventMails.cancelledRegistration({ ...a, ...(refundedJpy ? { refundedJpy } : {}) }),
    person.email,
  );
  if (refundedJpy)
    await notify(
      person.userId,
      event,
      (a) => eventMails.refunded({ ...a, amountJpy: refundedJpy as number }),
      person.email,
    );
  return registrationView({
    ...r,
    status: 'cancelled',
    ...(refundedJpy !== undefined ? { refundedJpy } : {}),
  });
}
