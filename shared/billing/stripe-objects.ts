import type Stripe from 'stripe';
import type { StripeSide } from '../engagements/engagement.entity.ts';
import { stateOfSubscription } from '../engagements/rules.ts';

/** Reading Stripe's objects as the pinned API version shapes them. */

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();
export const idOf = (x: string | { id: string } | null | undefined) => (typeof x === 'string' ? x : x?.id);

/** Since API 2025-03-31 a subscription's period is on its items. */
export function sideOfSubscription(sub: Stripe.Subscription): StripeSide {
  const item = sub.items.data[0];
  return {
    state: stateOfSubscription({
      status: sub.status,
      pauseCollection: sub.pause_collection !== null && sub.pause_collection !== undefined,
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      cancelAt: sub.cancel_at !== null,
    }),
    subscriptionId: sub.id,
    customerId: idOf(sub.customer),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    // null clears it: a cancellation taken back.
    cancelAt: sub.cancel_at === null ? null : iso(sub.cancel_at),
    ...(item
      ? { currentPeriodStart: iso(item.current_period_start), currentPeriodEnd: iso(item.current_period_end) }
      : {}),
  };
}

/** Since API 2025-03-31 an invoice's subscription is under parent.subscription_details. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): {
  subscriptionId?: string;
  engagementId?: string;
} {
  const details = invoice.parent?.subscription_details;
  const subscriptionId = idOf(details?.subscription);
  const engagementId = details?.metadata?.engagementId;
  return { ...(subscriptionId ? { subscriptionId } : {}), ...(engagementId ? { engagementId } : {}) };
}

export const periodOfInvoice = (invoice: Stripe.Invoice) => {
  // A subscription invoice's lines carry the service period; the invoice's own period_* is the previous one.
  const line = invoice.lines?.data?.[0]?.period;
  return line
    ? { start: iso(line.start), end: iso(line.end) }
    : { start: iso(invoice.period_start), end: iso(invoice.period_end) };
};

export const paidAtOfInvoice = (invoice: Stripe.Invoice) =>
  invoice.status_transitions?.paid_at ? iso(invoice.status_transitions.paid_at) : undefined;
