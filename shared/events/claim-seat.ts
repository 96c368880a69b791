import { randomInt } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { retryOnConflict } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { RegistrationOut } from './contract.ts';
import { events } from './event.entity.ts';
import { expireOffer } from './expire.ts';
import { eventMails } from './mails.ts';
import { notify } from './notify.ts';
import { registrations } from './registration.entity.ts';
import { canClaim, checkinCode, PAYMENT_HOLD_MINUTES } from './rules.ts';
import { ticketCheckout } from './ticket-checkout.ts';
import { registrationView } from './view.ts';

/**
 * The person offered a seat claims it.
 * 1. It must be offered to them and the window still open; a late claim ends the offer (the seat goes to
 *    the next in line) and is a 409.
 * 2. Free: confirmed with a code. Paid: held while they pay (a Checkout Session).
 */
export async function claimSeat(person: User, eventId: string, at: Date): Promise<RegistrationOut> {
  const [event, r] = await Promise.all([events.get(eventId), registrations.get(eventId, person.userId)]);
  if (!event || event.status === 'draft' || !r)
    throw new NotFoundError('You are not signed up for this event.');
  const verdict = canClaim(r, at);
  if (!verdict.ok) {
    if (verdict.code === 'offer_expired') await expireOffer(event, r, at);
    throw new ConflictError(verdict.reason, verdict.code);
  }
  const next =
    event.feeJpy > 0
      ? await ticketCheckout(event, person, r.id, PAYMENT_HOLD_MINUTES)
      : { code: checkinCode(randomInt) };
  try {
    await retryOnConflict(() => registrations.claim(r, at.toISOString(), next));
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    throw new ConflictError('The offer is no longer open.', 'no_offer');
  }
  const claimed = (await registrations.get(eventId, person.userId)) ?? r;
  if ('code' in next)
    await notify(
      person.userId,
      event,
      (a) => eventMails.confirmed({ ...a, code: next.code, attendance: r.attendance }),
      person.email,
    );
  return registrationView(claimed);
}
