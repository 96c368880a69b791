import { retryOnConflict } from '../data/transaction.ts';
import type { KakehashiEvent } from './event.entity.ts';
import { fillSeats } from './fill-seats.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { type Registration, registrations } from './registration.entity.ts';
import { expireCheckout } from './ticket-checkout.ts';

const moved = (error: unknown) => (error as Error).name === 'TransactionCanceledException';

/**
 * An offer that ran out unclaimed: expired, the person told, the seat offered to the next in line.
 * Only an offer whose time has passed, once (the status condition), from the claim or the job alike.
 */
export async function expireOffer(event: KakehashiEvent, r: Registration, at: Date): Promise<boolean> {
  if (r.status !== 'offered' || !r.offerExpiresAt || Date.parse(r.offerExpiresAt) > at.getTime())
    return false;
  try {
    await retryOnConflict(() => registrations.leave(r, 'expired', at.toISOString()));
  } catch (error) {
    if (moved(error)) return false;
    throw error;
  }
  await notify(r.userId, event, eventMails.offerExpired);
  await fillSeats(event.id, r.attendance, at);
  return true;
}

/**
 * A paid hold that was not paid in time: the Checkout Session is expired at Stripe first (if it was paid
 * meanwhile, nothing is released: its payment confirms the seat), then the seat is given back and offered on.
 */
export async function expireHold(
  event: KakehashiEvent,
  r: Registration,
  at: Date,
  sessionId?: string,
): Promise<boolean> {
  if (r.status !== 'pending_payment') return false;
  if (
    sessionId
      ? r.checkoutSessionId !== sessionId
      : !r.holdExpiresAt || Date.parse(r.holdExpiresAt) > at.getTime()
  )
    return false;
  if (!(await expireCheckout(r))) return false;
  try {
    await retryOnConflict(() => registrations.leave(r, 'expired', at.toISOString()));
  } catch (error) {
    if (moved(error)) return false;
    throw error;
  }
  await notify(r.userId, event, eventMails.holdExpired);
  await fillSeats(event.id, r.attendance, at);
  return true;
}
