import { randomInt } from 'node:crypto';
import type Stripe from 'stripe';
import { idOf } from '../billing/stripe-objects.ts';
import { retryOnConflict } from '../data/transaction.ts';
import { events } from './event.entity.ts';
import { expireHold } from './expire.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { checkinCode } from './rules.ts';
import { refundTicket } from './ticket-checkout.ts';

export type TicketOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * `checkout.session.completed` for a ticket: the held seat is confirmed with its code. A payment that arrives
 * for a hold that had already ended (expired, cancelled) is refunded in full: nobody pays for a seat they
 * do not have. A repeated delivery changes nothing.
 */
export async function ticketPaid(session: Stripe.Checkout.Session, at: Date): Promise<TicketOutcome> {
  const { eventId, userId } = session.metadata ?? {};
  const paymentIntentId = idOf(session.payment_intent);
  if (!eventId || !userId || !paymentIntentId || session.payment_status !== 'paid') return 'ignored';
  const [event, r] = await Promise.all([events.get(eventId), registrations.get(eventId, userId)]);
  if (!event || !r) return 'ignored';
  if (r.paymentIntentId === paymentIntentId) return 'duplicate';
  const paidJpy = session.amount_total ?? event.feeJpy;
  if (r.status === 'pending_payment' && r.checkoutSessionId === session.id) {
    const code = checkinCode(randomInt);
    try {
      await retryOnConflict(() =>
        registrations.paid(r, at.toISOString(), { code, paymentIntentId, paidJpy }),
      );
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      return 'duplicate';
    }
    await notify(userId, event, (a) => eventMails.paymentReceived({ ...a, amountJpy: paidJpy, code }));
    return 'applied';
  }
  const refunded = await refundTicket(paymentIntentId, session.id);
  await notify(userId, event, (a) => eventMails.refunded({ ...a, amountJpy: refunded }));
  return 'applied';
}

/** `checkout.session.expired` for a ticket: the hold ends now (the same as the hold job, once). */
export async function ticketSessionExpired(
  session: Stripe.Checkout.Session,
  at: Date,
): Promise<TicketOutcome> {
  const { eventId, userId } = session.metadata ?? {};
  if (!eventId || !userId) return 'ignored';
  const [event, r] = await Promise.all([events.get(eventId), registrations.get(eventId, userId)]);
  if (!event || !r) return 'ignored';
  return (await expireHold(event, r, at, session.id)) ? 'applied' : 'duplicate';
}
