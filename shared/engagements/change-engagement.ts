import { billingCustomers } from '../billing/stripe-account.entity.ts';
import { config } from '../config.ts';
import { ConflictError } from '../domain/errors.ts';
import { stripe } from '../stripe/client.ts';
import { firmEngagement } from './access.ts';
import type { Engagement } from './engagement.entity.ts';
import { canDo, type EngagementAction } from './rules.ts';
import { syncEngagement } from './sync-engagement.ts';

type Change = Exclude<EngagementAction, 'checkout'>;

/**
 * The firm pauses, resumes or cancels (at the end of the period: the month paid for is worked); resuming also
 * takes back a cancellation while the period runs. Stripe is
 * changed first; the engagement then takes the subscription's new state, as the webhook will confirm.
 */
export async function changeEngagement(firmId: string, id: string, change: Change): Promise<Engagement> {
  const e = await firmEngagement(firmId, id);
  const allowed = canDo(e.state, change);
  if (!allowed.ok) throw new ConflictError(allowed.reason, 'invalid_transition');
  if (!e.subscriptionId)
    throw new ConflictError('This engagement has no subscription yet.', 'invalid_transition');
  const client = await stripe();
  const update =
    change === 'pause'
      ? { pause_collection: { behavior: 'void' as const } }
      : change === 'resume'
        ? // Back to running as normal: collection on, and no end at the period's end any more.
          { pause_collection: '' as const, ...(e.cancelAtPeriodEnd ? { cancel_at_period_end: false } : {}) }
        : { cancel_at_period_end: true };
  await client.subscriptions.update(e.subscriptionId, update, {
    idempotencyKey: `${change}-${e.id}-${e.version}`,
  });
  const synced = await syncEngagement(e.id, e.subscriptionId);
  return synced?.engagement ?? e;
}

/** The firm manages its card and downloads Stripe's invoices in the Customer Portal. */
export async function billingPortal(firmId: string): Promise<{ url: string }> {
  const customer = await billingCustomers.get(firmId);
  if (!customer)
    throw new ConflictError(
      'There is nothing to manage yet: the portal opens after your first payment.',
      'no_billing_account',
    );
  const session = await (await stripe()).billingPortal.sessions.create({
    customer: customer.customerId,
    return_url: `${config().WEB_ORIGIN}/engagements`,
  });
  return { url: session.url };
}
