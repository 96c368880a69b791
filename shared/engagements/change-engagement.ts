import { billingCustomers } from '../billing/stripe-account.entity.ts';
import { config } from '../config.ts';
import { ConflictError } from '../domain/errors.ts';
import { stripe } from '../stripe/client.ts';
import { issueNextTerms } from '../terms/issue-terms.ts';
import { endingAt, isLongEngagement } from '../terms/rules.ts';
import { firmEngagement } from './access.ts';
import { type EndingNotice, type Engagement, engagements } from './engagement.entity.ts';
import { canDo, type EngagementAction } from './rules.ts';
import { syncEngagement } from './sync-engagement.ts';

type Change = Exclude<EngagementAction, 'checkout'>;

/**
 * The firm pauses, resumes or cancels (at the end of the period: the month paid for is worked); resuming also
 * takes back a cancellation while the period runs. Stripe is changed first; the engagement then takes the
 * subscription's new state, as the webhook will confirm.
 * Ending an engagement of 6 months or more needs 30 days' notice (freelance act 16条): it then ends at the later
 * of the period's end and 30 days from now (Stripe's `cancel_at`, the last part-month prorated), and the notice is
 * recorded on the engagement and as a new version of its terms.
 */
export async function changeEngagement(firmId: string, id: string, change: Change): Promise<Engagement> {
  const e = await firmEngagement(firmId, id);
  const allowed = canDo(e.state, change);
  if (!allowed.ok) throw new ConflictError(allowed.reason, 'invalid_transition');
  if (!e.subscriptionId)
    throw new ConflictError('This engagement has no subscription yet.', 'invalid_transition');
  const at = new Date().toISOString();
  const long = isLongEngagement({ durationMonths: e.durationMonths, startedAt: e.createdAt }, at);
  const ending =
    change === 'cancel'
      ? endingAt({ periodEnd: e.currentPeriodEnd ?? at, requestedAt: at, long })
      : undefined;
  const client = await stripe();
  const update =
    change === 'pause'
      ? { pause_collection: { behavior: 'void' as const } }
      : change === 'resume'
        ? // Back to running as normal: collection on, and no end any more.
          {
            pause_collection: '' as const,
            ...(e.cancelAt && !e.cancelAtPeriodEnd ? { cancel_at: '' as const } : {}),
            ...(e.cancelAtPeriodEnd ? { cancel_at_period_end: false } : {}),
          }
        : ending?.noticeExtended
          ? {
              cancel_at: Math.ceil(Date.parse(ending.endsAt) / 1000),
              proration_behavior: 'create_prorations' as const,
            }
          : { cancel_at_period_end: true };
  await client.subscriptions.update(e.subscriptionId, update, {
    idempotencyKey: `${change}-${e.id}-${e.version}`,
  });
  if (ending && long) await recordNotice(e, { requestedAt: at, ...ending });
  if (change === 'resume' && e.ending) await withdrawNotice(e, at);
  const synced = await syncEngagement(e.id, e.subscriptionId);
  return synced?.engagement ?? e;
}

async function recordNotice(e: Engagement, notice: EndingNotice) {
  await engagements.recordEnding(e.id, notice);
  await issueNextTerms(
    e.id,
    'ending_notice',
    (facts) => ({ ...facts, long: true, ending: notice }),
    notice.requestedAt,
  );
}

async function withdrawNotice(e: Engagement, at: string) {
  await engagements.recordEnding(e.id, null);
  await issueNextTerms(e.id, 'ending_withdrawn', ({ ending, ...facts }) => facts, at);
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
