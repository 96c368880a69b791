import type { User } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { stripe } from '../stripe/client.ts';
import type { KakehashiEvent } from './event.entity.ts';
import type { Registration } from './registration.entity.ts';

export type Hold = { checkoutSessionId: string; checkoutUrl: string; holdExpiresAt: string };

/**
 * A paid seat is held by a Checkout Session in payment mode, in yen, paid to the platform (the region's fee
 * income; no connected account). The hold ends when the session does: Stripe expires it at `expires_at`
 * (at least 30 minutes ahead, so a minute is added for the trip there), and the hold job releases the seat.
 */
export async function ticketCheckout(
  event: KakehashiEvent,
  person: User,
  registrationId: string,
  holdMinutes: number,
): Promise<Hold> {
  // Stripe checks expires_at against its own clock, not the caller's (a job may run at a chosen time).
  const expiresAt = Math.floor(Date.now() / 1000) + (holdMinutes + 1) * 60;
  const web = config().WEB_ORIGIN;
  const metadata = { eventId: event.id, userId: person.userId, registrationId };
  const session = await (await stripe()).checkout.sessions.create(
    {
      mode: 'payment',
      customer_email: person.email,
      client_reference_id: registrationId,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'jpy', // zero-decimal: ¥3,000 is 3000
            unit_amount: event.feeJpy,
            product_data: { name: event.title },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      expires_at: expiresAt,
      success_url: `${web}/me/registrations?paid=${event.id}`,
      cancel_url: `${web}/events/${event.id}`,
    },
    { idempotencyKey: `ticket-${registrationId}-${expiresAt}` },
  );
  return {
    checkoutSessionId: session.id,
    checkoutUrl: session.url as string,
    holdExpiresAt: new Date(session.expires_at * 1000).toISOString(),
  };
}

/** Ends a hold at Stripe: false when the session had already been paid (its webhook confirms the seat). */
export async function expireCheckout(r: Pick<Registration, 'checkoutSessionId'>): Promise<boolean> {
  if (!r.checkoutSessionId) return true;
  const client = await stripe();
  const session = await client.checkout.sessions.retrieve(r.checkoutSessionId);
  if (session.status === 'complete') return false;
  if (session.status === 'open') await client.checkout.sessions.expire(session.id);
  return true;
}

/** Refunds a ticket in full, once per payment whatever retries happen; the yen refunded. */
export async function refundTicket(paymentIntentId: string, key: string): Promise<number> {
  const refund = await (await stripe()).refunds.create(
    { payment_intent: paymentIntentId, metadata: { reason: key } },
    { idempotencyKey: `refund-${key}` },
  );
  return refund.amount;
}
