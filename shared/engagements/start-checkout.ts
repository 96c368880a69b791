import type Stripe from 'stripe';
import type { User } from '../accounts/user.entity.ts';
import { monthlyChargeJpy } from '../billing/rules.ts';
import { billingCustomers, payoutAccounts } from '../billing/stripe-account.entity.ts';
import { config } from '../config.ts';
import { now } from '../data/entity.ts';
import { ConflictError } from '../domain/errors.ts';
import { stripe } from '../stripe/client.ts';
import { paidMembers } from '../teams/rules.ts';
import { feeTaxOf } from '../terms/facts.ts';
import { checkPaymentSchedule } from '../terms/rules.ts';
import { firmEngagement } from './access.ts';
import type { Engagement } from './engagement.entity.ts';
import { engagements } from './engagement.entity.ts';
import { canDo } from './rules.ts';
import { teamShareView } from './view.ts';

/** The firm's Stripe customer, created once (a concurrent first payment gets the same one). */
export async function firmCustomer(firm: User): Promise<string> {
  const kept = await billingCustomers.get(firm.userId);
  if (kept) return kept.customerId;
  const customer = await (await stripe()).customers.create(
    {
      email: firm.email,
      name: firm.role === 'firm' ? firm.organizationName : firm.displayName,
      metadata: { userId: firm.userId },
    },
    { idempotencyKey: `customer-${firm.userId}` },
  );
  return (await billingCustomers.keep(firm.userId, customer.id)).customerId;
}

/**
 * The firm starts paying: a Checkout Session in subscription mode for the monthly fee, paid out to the
 * professional's connected account less the platform's fee. Asking again while that session is open gives
 * the same session; a session that expired is replaced. A team's engagement is charged to the platform and
 * paid to its members by transfers (../billing/team-payouts.ts), so it waits until every member with a share
 * can be paid. A start month whose payments would now fall past their deadlines is refused.
 */
export async function startCheckout(firm: User, engagementId: string): Promise<{ url: string }> {
  const e = await firmEngagement(firm.userId, engagementId);
  const allowed = canDo(e.state, 'checkout');
  if (!allowed.ok) throw new ConflictError(allowed.reason, 'not_awaiting_payment');
  // Paying only now could put a month's payment past its 60 days (freelance act 4条): refused, and why.
  const schedule = checkPaymentSchedule({ ...e, firstChargeAt: now() });
  if (!schedule.ok) throw new ConflictError(schedule.reason, 'payment_deadline');
  let destination: string | undefined;
  if (e.teamId) await everyMemberPayable(e, firm.userId);
  else {
    const payouts = await payoutAccounts.get(e.professionalId);
    if (!payouts?.ready)
      throw new ConflictError(
        `${e.professionalName} has not finished setting up payouts with Stripe yet, so they cannot be paid. They have been asked to; try again once they have.`,
        'payouts_not_ready',
      );
    destination = payouts.accountId;
  }
  const client = await stripe();
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = attempt === 0 ? e : ((await engagements.get(e.id)) as Engagement);
    if (read.checkoutSessionId) {
      const session = await client.checkout.sessions.retrieve(read.checkoutSessionId);
      if (session.status === 'open' && session.url) return { url: session.url };
      if (session.status === 'complete')
        throw new ConflictError(
          'This engagement is paid for; its state updates in a moment.',
          'not_awaiting_payment',
        );
    }
    const session = await createSession(client, firm, read, destination);
    if (await engagements.keepCheckoutSession(read, session.id)) return { url: session.url as string };
    // Another request kept a session at the same moment: answer with that one.
  }
  throw new ConflictError('The checkout changed at the same time. Try again.');
}

/**
 * 409 naming the members with a share of the first month who cannot be paid yet. Before payment starts, the
 * shares the view calls current are those of the first month.
 */
async function everyMemberPayable(e: Engagement, viewer: string) {
  const paid = paidMembers((await teamShareView(e, viewer))?.shares ?? []);
  const waiting = paid.filter((s) => !s.payoutsReady);
  if (waiting.length === 0 && paid.length > 0) return;
  const names = waiting.map((s) => s.displayName).join(', ');
  throw new ConflictError(
    `${names} ${waiting.length === 1 ? 'has' : 'have'} not finished setting up payouts with Stripe yet, so the team cannot be paid. They have been asked to; try again once they have.`,
    'payouts_not_ready',
  );
}

async function createSession(client: Stripe, firm: User, e: Engagement, destination: string | undefined) {
  const web = config().WEB_ORIGIN;
  return client.checkout.sessions.create(
    {
      mode: 'subscription',
      customer: await firmCustomer(firm),
      client_reference_id: e.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'jpy', // zero-decimal: ¥50,000 is 50000
            // 税別: the firm pays the fee and its consumption tax.
            unit_amount: monthlyChargeJpy(e.monthlyFeeJpy, feeTaxOf(e)),
            recurring: { interval: 'month' },
            product_data: { name: `${e.title}（${e.teamName ?? e.professionalName}）` },
          },
        },
      ],
      // One professional: a destination charge less the fee. A team: charged to the platform, then transfers.
      subscription_data: destination
        ? {
            transfer_data: { destination },
            application_fee_percent: e.platformFeePercent,
            metadata: { engagementId: e.id },
          }
        : { metadata: { engagementId: e.id, teamId: e.teamId as string } },
      metadata: { engagementId: e.id },
      locale: 'ja',
      success_url: `${web}/engagements/${e.id}?checkout=success`,
      cancel_url: `${web}/engagements/${e.id}?checkout=cancelled`,
    },
    // The same attempt of the same engagement is the same session, even when two requests race.
    { idempotencyKey: `checkout-${e.id}-${e.checkoutAttempts ?? 0}` },
  );
}
