import type Stripe from 'stripe';
import { now } from '../data/entity.ts';
import { syncEngagement } from '../engagements/sync-engagement.ts';
import { ticketPaid, ticketSessionExpired } from '../events/ticket-payment.ts';
import { stripe } from '../stripe/client.ts';
import { stripeSecrets } from '../stripe/secrets.ts';
import { BadSignatureError } from './bad-signature.ts';
import { recordInvoice } from './record-invoice.ts';
import { payoutAccounts } from './stripe-account.entity.ts';
import { appliedEventMarker } from './stripe-event.entity.ts';
import { idOf, subscriptionOfInvoice } from './stripe-objects.ts';

/** Checks the signature over the exact bytes Stripe sent (and that they are at most 5 minutes old). */
export async function verifiedEvent(rawBody: string, signature: string | undefined): Promise<Stripe.Event> {
  if (!signature) throw new BadSignatureError();
  const [client, { webhookSigningSecret }] = await Promise.all([stripe(), stripeSecrets()]);
  try {
    return client.webhooks.constructEvent(rawBody, signature, webhookSigningSecret, 300);
  } catch {
    throw new BadSignatureError();
  }
}

export type Outcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one verified event. Every handler re-reads the object from Stripe and writes what is true now,
 * so the order and number of deliveries do not matter; the event's marker makes each one count once.
 */
export async function applyStripeEvent(event: Stripe.Event): Promise<Outcome> {
  const marker = appliedEventMarker(event, now());
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      if (session.mode === 'payment' && session.metadata?.eventId) return ticketPaid(session, new Date());
      const engagementId = session.metadata?.engagementId;
      const subscriptionId = idOf(session.subscription);
      if (session.mode !== 'subscription' || !engagementId || !subscriptionId) return 'ignored';
      return outcome(await syncEngagement(engagementId, subscriptionId, marker));
    }
    case 'checkout.session.expired': {
      const session = event.data.object;
      if (session.mode !== 'payment' || !session.metadata?.eventId) return 'ignored';
      return ticketSessionExpired(session, new Date());
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      const engagementId = subscription.metadata?.engagementId;
      if (!engagementId) return 'ignored';
      return outcome(await syncEngagement(engagementId, subscription.id, marker));
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const { subscriptionId, engagementId } = subscriptionOfInvoice(event.data.object);
      if (!subscriptionId || !engagementId || !event.data.object.id) return 'ignored';
      await recordInvoice(engagementId, event.data.object.id);
      return outcome(await syncEngagement(engagementId, subscriptionId, marker));
    }
    case 'account.updated': {
      const userId = event.data.object.metadata?.userId;
      if (!userId) return 'ignored';
      const account = await (await stripe()).accounts.retrieve(event.data.object.id);
      const ready = account.payouts_enabled === true && account.details_submitted === true;
      await payoutAccounts.setReady(userId, account.id, ready);
      return 'applied';
    }
    default:
      return 'ignored';
  }
}

const outcome = (r: { applied: boolean } | undefined): Outcome =>
  r === undefined ? 'ignored' : r.applied ? 'applied' : 'duplicate';
