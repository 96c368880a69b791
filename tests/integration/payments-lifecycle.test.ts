import { describe, expect, it } from 'vitest';
import { call, mailTo } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  localStripe,
  onboardPayouts,
  payCheckout,
  stripeSdk,
} from '../support/payments.ts';

type Row = { status: string; grossJpy: number; platformFeeJpy: number; feeTaxJpy: number; netJpy: number };
const invoices = async (token: string, id: string) =>
  (await call('GET', `/v1/engagements/${id}/invoices`, { token })).body.items as (Row & {
    invoiceId: string;
  })[];
const paidRows = async (token: string, id: string) =>
  (await invoices(token, id)).filter((r) => r.status === 'paid');

/**
 * A retainer's whole life on the local Stripe, driven only by its webhooks and the API's own calls:
 * onboarding → checkout → active → 3 renewals → a declined renewal (past_due) → a successful retry → pause and
 * resume → cancel at period end (ending) → after the period, ended. The firm's customer has a test clock of its
 * own, so other tests advancing theirs do not renew this one.
 */
describe('a monthly retainer, from checkout to its end', () => {
  it('moves money and state exactly as Stripe does', async () => {
    const { firm, pro } = await freshParties('life');
    const id = await acceptedEngagement(firm.token, pro.token, { monthlyFeeJpy: 50_000 });

    // The firm cannot pay a professional who cannot be paid out.
    const early = await call('POST', `/v1/engagements/${id}/checkout`, { token: firm.token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('payouts_not_ready');

    await onboardPayouts(pro.token);
    const first = await call('POST', `/v1/engagements/${id}/checkout`, { token: firm.token });
    const again = await call('POST', `/v1/engagements/${id}/checkout`, { token: firm.token });
    expect(again.body.url).toBe(first.body.url); // the same open session

    const session = await payCheckout(firm.token, id);
    const active = await engagementIn(firm.token, id, 'active');
    expect(active).toMatchObject({ monthlyFeeJpy: 50_000, platformFeePercent: 10, cancelAtPeriodEnd: false });
    expect(active.nextRenewalAt).toBe(active.currentPeriod.end);
    await eventually(async () => expect(await paidRows(firm.token, id)).toHaveLength(1));
    expect((await paidRows(pro.token, id))[0]).toMatchObject({
      grossJpy: 50_000,
      platformFeeJpy: 5_000,
      feeTaxJpy: 454,
      netJpy: 45_000,
    });
    const customer = (await stripeSdk().checkout.sessions.retrieve(session)).customer as string;
    expect(customer).toMatch(/^cus_/);

    // Three renewals: three more paid months, integer yen, fee = 10 %, net + fee = gross.
    for (let month = 1; month <= 3; month++) {
      await localStripe('clock/advance', { months: 1, customer });
      await eventually(async () => expect(await paidRows(firm.token, id)).toHaveLength(1 + month));
    }
    for (const row of await paidRows(pro.token, id)) {
      expect(Number.isInteger(row.grossJpy) && Number.isInteger(row.netJpy)).toBe(true);
      expect(row.platformFeeJpy).toBe(Math.round(row.grossJpy * 0.1));
      expect(row.netJpy + row.platformFeeJpy).toBe(row.grossJpy);
    }

    // The card declines at the next renewal: past due, both told, a failed row.
    await localStripe(`customers/${customer}/card`, { card: 'declines' });
    await localStripe('clock/advance', { months: 1, customer });
    await engagementIn(firm.token, id, 'past_due');
    await eventually(async () => {
      expect((await mailTo(firm.email)).some((m) => m.subject.includes('支払い遅延'))).toBe(true);
      expect((await mailTo(pro.email)).some((m) => m.subject.includes('支払い遅延'))).toBe(true);
    });
    // The failed month's row comes with invoice.payment_failed, which may arrive after the state changed.
    const failed = await eventually(async () => {
      const row = (await invoices(firm.token, id)).find((r) => r.status === 'failed');
      expect(row).toBeDefined();
      return row as Row & { invoiceId: string };
    });

    // A new card and a successful retry of that invoice: active again, the row paid.
    await localStripe(`customers/${customer}/card`, { card: 'succeeds' });
    await stripeSdk().invoices.pay(failed.invoiceId);
    await engagementIn(firm.token, id, 'active');
    await eventually(async () => expect(await paidRows(firm.token, id)).toHaveLength(5));
    expect((await invoices(firm.token, id)).some((r) => r.status === 'failed')).toBe(false);

    // Pause and resume: answered with the new state at once.
    const paused = await call('POST', `/v1/engagements/${id}/pause`, { token: firm.token });
    expect(paused.body.state).toBe('paused');
    await localStripe('clock/advance', { months: 1, customer }); // a paused month is not charged
    const resumed = await call('POST', `/v1/engagements/${id}/resume`, { token: firm.token });
    expect(resumed.body.state).toBe('active');
    expect(await paidRows(firm.token, id)).toHaveLength(5);

    // Cancel: the month paid for is worked, then it ends.
    const ending = await call('POST', `/v1/engagements/${id}/cancel`, { token: firm.token });
    expect(ending.body).toMatchObject({ state: 'ending', cancelAtPeriodEnd: true, nextRenewalAt: null });
    // The firm changes its mind while the period runs: resuming takes the cancellation back, in Stripe too.
    const kept = await call('POST', `/v1/engagements/${id}/resume`, { token: firm.token });
    expect(kept.body).toMatchObject({ state: 'active', cancelAtPeriodEnd: false });
    expect(kept.body.nextRenewalAt).toBe(kept.body.currentPeriod.end);
    const subscriptionId = (await stripeSdk().subscriptions.list({ customer, limit: 1 })).data[0]
      ?.id as string;
    expect((await stripeSdk().subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(false);
    // …and then cancels after all.
    expect((await call('POST', `/v1/engagements/${id}/cancel`, { token: firm.token })).body.state).toBe(
      'ending',
    );
    await localStripe('clock/advance', { months: 1, customer });
    await engagementIn(pro.token, id, 'ended');
    expect(await paidRows(firm.token, id)).toHaveLength(5);
    await eventually(async () =>
      expect((await mailTo(pro.email)).some((m) => m.subject.includes(': ended'))).toBe(true),
    );
  }, 120_000);
});
