import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { type LocalStripe, startLocalStripe } from '../../infra/local/stripe/index.ts';
import { addMonths } from '../../infra/local/stripe/period.ts';
import { eventually } from '../support/eventually.ts';
import {
  LOCAL_STRIPE_KEYS,
  lastEventId,
  localStripe,
  type RecordedEvent,
  recordedEvents,
  stripeAt,
  stripeControl,
  stripeUrl,
} from '../support/stripe.ts';

/**
 * The local Stripe, spoken to only through the official SDK (and its `/_local` controls, as a test or
 * a demo would). The cloud's instance is shared with every other test file, so what moves the clock
 * runs on a private instance of its own.
 */

const monthly = (amount = 50_000, name = 'DX推進支援') => ({
  quantity: 1,
  price_data: {
    currency: 'jpy',
    unit_amount: amount,
    product_data: { name },
    recurring: { interval: 'month' as const },
  },
});

const objectId = (r: RecordedEvent) => (r.event.data.object as { id?: string }).id;

/** What a test caused: the events about these objects, oldest first. */
async function eventsAbout(ids: string[], after: string | undefined, base?: string) {
  return (await recordedEvents(after, base)).filter((r) => ids.includes(objectId(r) ?? ''));
}

async function onboardedAccount(stripe: Stripe, base: string) {
  const account = await stripe.accounts.create({
    type: 'express',
    email: `pro-${randomUUID().slice(0, 8)}@test.kakehashi.jp`,
    capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
  });
  await stripeControl('POST', `/_local/accounts/${account.id}/complete_onboarding`, {}, base);
  return account;
}

async function subscriptionCheckout(stripe: Stripe, account: Stripe.Account, customer: Stripe.Customer) {
  return stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [monthly()],
    subscription_data: {
      transfer_data: { destination: account.id },
      application_fee_percent: 10,
      metadata: { engagementId: 'eng-1' },
    },
    metadata: { engagementId: 'eng-1' },
    client_reference_id: 'eng-1',
    success_url: 'http://localhost:3000/engagements/eng-1?checkout={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/engagements/eng-1',
    locale: 'ja',
  });
}

/** An active ¥50,000 monthly subscription with a 10% platform fee, paid by checkout. */
async function subscribe(stripe: Stripe, base: string) {
  const account = await onboardedAccount(stripe, base);
  const customer = await stripe.customers.create({
    email: `firm-${randomUUID().slice(0, 8)}@test.kakehashi.jp`,
  });
  const session = await subscriptionCheckout(stripe, account, customer);
  const done = await stripeControl<Stripe.Checkout.Session>(
    'POST',
    `/_local/checkout_sessions/${session.id}/complete`,
    { card: 'succeeds' },
    base,
  );
  expect(done.status).toBe(200);
  const sub = await stripe.subscriptions.retrieve(done.body.subscription as string);
  return { account, customer, session: done.body, sub };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('local Stripe (the cloud’s): checkout, Connect, portal, errors, webhooks', () => {
  it('pays a subscription checkout on the hosted page: active subscription, first invoice paid, fee and transfer, events in order', async () => {
    const stripe = localStripe();
    const base = stripeUrl();
    const account = await onboardedAccount(stripe, base);
    const customer = await stripe.customers.create({
      email: 'firm@test.kakehashi.jp',
      name: '湯梨浜ぶどう園',
    });
    const session = await subscriptionCheckout(stripe, account, customer);
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      mode: 'subscription',
      amount_total: 50_000,
      currency: 'jpy',
      url: `${base}/checkout/${session.id}`,
    });
    const before = await lastEventId();

    const page = await (await fetch(session.url ?? '')).text();
    expect(page).toContain('¥50,000');
    expect(page).toContain('/ 月');
    expect(page).toContain('4242 4242 4242 4242');
    expect(page).toContain('4000 0000 0000 0002');

    const declined = await fetch(`${base}/checkout/${session.id}/pay`, {
      method: 'POST',
      body: form({ card: 'declines' }),
      redirect: 'manual',
    });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('カードが拒否されました');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const paid = await fetch(`${base}/checkout/${session.id}/pay`, {
      method: 'POST',
      body: form({ card: 'succeeds' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `http://localhost:3000/engagements/eng-1?checkout=${session.id}`,
    );

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', customer: customer.id });
    const sub = done.subscription as Stripe.Subscription;
    expect(sub.id).toMatch(/^sub_/);
    expect(sub).toMatchObject({
      status: 'active',
      customer: customer.id,
      application_fee_percent: 10,
      metadata: { engagementId: 'eng-1' },
      transfer_data: { destination: account.id },
    });
    const item = sub.items.data[0];
    expect(item?.current_period_end).toBe(addMonths(item?.current_period_start ?? 0, 1));
    expect(item).toMatchObject({ quantity: 1, price: { unit_amount: 50_000, currency: 'jpy' } });

    const invoice = await stripe.invoices.retrieve(done.invoice as string, {
      expand: ['payments.data.payment.payment_intent'],
    });
    expect(invoice).toMatchObject({
      status: 'paid',
      billing_reason: 'subscription_create',
      amount_due: 50_000,
      amount_paid: 50_000,
      total: 50_000,
      parent: { subscription_details: { subscription: sub.id, metadata: { engagementId: 'eng-1' } } },
      hosted_invoice_url: `${base}/invoices/${invoice.id}`,
    });
    const pi = invoice.payments?.data[0]?.payment.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: 'succeeded', amount: 50_000, application_fee_amount: 5_000 });
    expect(pi.transfer_data?.destination).toBe(account.id);
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(balance.available[0]?.amount).toBe(45_000);

    const hosted = await (await fetch(invoice.hosted_invoice_url ?? '')).text();
    expect(hosted).toContain('¥50,000');
    expect(hosted).toContain('支払い済み');

    const events = await eventsAbout([sub.id, invoice.id, session.id], before);
    expect(events.map((r) => r.event.type)).toEqual([
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);
    for (const { event } of events)
      expect(event).toMatchObject({ object: 'event', api_version: STRIPE_API_VERSION, livemode: false });
    expect(events.at(-1)?.event.data.object).toMatchObject({ status: 'complete', subscription: sub.id });
  });

  it('answers a declined card with 402 card_error and leaves the session open; payment mode pays, refunds emit charge.refunded', async () => {
    const stripe = localStripe();
    const account = await onboardedAccount(stripe, stripeUrl());
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      customer_email: 'visitor@test.kakehashi.jp',
      line_items: [
        {
          quantity: 2,
          price_data: { currency: 'jpy', unit_amount: 5_000, product_data: { name: 'ツアー参加費' } },
        },
      ],
      payment_intent_data: {
        transfer_data: { destination: account.id },
        application_fee_amount: 1_000,
        metadata: { tourId: 't-1' },
      },
      success_url: 'http://localhost:3000/tours/t-1',
    });
    const before = await lastEventId();
    const declined = await stripeControl('POST', `/_local/checkout_sessions/${session.id}/complete`, {
      card: 'declines',
    });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const done = await stripeControl<Stripe.Checkout.Session>(
      'POST',
      `/_local/checkout_sessions/${session.id}/complete`,
      { card: 'succeeds' },
    );
    expect(done.body).toMatchObject({ status: 'complete', payment_status: 'paid', amount_total: 10_000 });
    const pi = await stripe.paymentIntents.retrieve(done.body.payment_intent as string);
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: 10_000,
      application_fee_amount: 1_000,
      metadata: { tourId: 't-1' },
    });
    expect((await eventsAbout([pi.id, session.id], before)).map((r) => r.event.type)).toEqual([
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);

    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 4_000 });
    expect(refund).toMatchObject({ status: 'succeeded', amount: 4_000, payment_intent: pi.id });
    expect(refund.id).toMatch(/^re_/);
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ amount: 4_000 });
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 7_000 })).rejects.toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    await stripe.refunds.create({ payment_intent: pi.id });
    const refunds = await eventsAbout([pi.latest_charge as string], before);
    expect(refunds.map((r) => r.event.type)).toEqual(['charge.refunded', 'charge.refunded']);
    expect(refunds[1]?.event.data).toMatchObject({
      object: { amount_refunded: 10_000, refunded: true },
      previous_attributes: { amount_refunded: 4_000, refunded: false },
    });
  });

  it('refuses what it does not support, in Stripe’s error shape and the SDK’s error classes', async () => {
    const stripe = localStripe();
    const unknown = stripe.customers.create({ emial: 'x@test.kakehashi.jp' } as Stripe.CustomerCreateParams);
    await expect(unknown).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(unknown).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'emial',
    });

    const nested = stripe.checkout.sessions.create({
      mode: 'subscription',
      success_url: 'http://localhost:3000/',
      line_items: [{ ...monthly(), price_data: { ...monthly().price_data, tax_behavior: 'inclusive' } }],
    });
    await expect(nested).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'line_items[0][price_data][tax_behavior]',
    });
    await expect(
      stripe.checkout.sessions.create({ mode: 'subscription', success_url: 'http://localhost:3000/' }),
    ).rejects.toMatchObject({ code: 'parameter_missing', param: 'line_items' });
    await expect(
      stripe.checkout.sessions.create({
        mode: 'subscription',
        success_url: 'http://localhost:3000/',
        line_items: [{ ...monthly(), price_data: { ...monthly().price_data, currency: 'usd' } }],
      }),
    ).rejects.toMatchObject({ param: 'line_items[0][price_data][currency]' });

    await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const customer = await stripe.customers.create({ email: 'expand@test.kakehashi.jp' });
    await expect(stripe.customers.retrieve(customer.id, { expand: ['sources'] })).rejects.toMatchObject({
      statusCode: 400,
      message: 'This property cannot be expanded (sources).',
    });
    await expect(stripe.prices.list()).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Unrecognized request URL (GET: /v1/prices)'),
    });
    await expect(stripeAt(stripeUrl()).subscriptions.update('sub_missing', {})).rejects.toMatchObject({
      statusCode: 404,
    });

    const wrongKey = new Stripe('sk_test_wrong', {
      host: new URL(stripeUrl()).hostname,
      port: Number(new URL(stripeUrl()).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(wrongKey.customers.create({})).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    const anonymous = await fetch(`${stripeUrl()}/v1/customers`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { type: string } }).error.type).toBe(
      'invalid_request_error',
    );
  });

  it('expires an open Checkout Session: it can no longer be paid and its page says so', async () => {
    const stripe = localStripe();
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'jpy', unit_amount: 3_000, product_data: { name: 'セミナー' } },
        },
      ],
      success_url: 'http://localhost:3000/',
      cancel_url: 'http://localhost:3000/cancel',
    });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    expect(await (await fetch(`${stripeUrl()}/checkout/${session.id}`)).text()).toContain('期限切れ');
    const late = await stripeControl('POST', `/_local/checkout_sessions/${session.id}/complete`, {
      card: 'succeeds',
    });
    expect(late.status).toBe(400);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });

  it('replays the first answer for the same Idempotency-Key, and refuses the key with other parameters', async () => {
    const stripe = localStripe();
    const key = `test-${randomUUID()}`;
    const first = await stripe.customers.create({ email: 'same@test.kakehashi.jp' }, { idempotencyKey: key });
    const again = await stripe.customers.create({ email: 'same@test.kakehashi.jp' }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    await expect(
      stripe.customers.create({ email: 'other@test.kakehashi.jp' }, { idempotencyKey: key }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);

    const raw = () =>
      fetch(`${stripeUrl()}/v1/customers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${LOCAL_STRIPE_KEYS.secretKey}`,
          'idempotency-key': `raw-${key}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'email=raw%40test.kakehashi.jp',
      });
    const a = await raw();
    const b = await raw();
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
  });

  it('onboards a Connect Express account through its Account Link page: payouts enabled, account.updated', async () => {
    const stripe = localStripe();
    const account = await stripe.accounts.create({
      type: 'express',
      email: 'onboarding@test.kakehashi.jp',
      capabilities: { transfers: { requested: true } },
    });
    expect(account).toMatchObject({
      type: 'express',
      country: 'JP',
      default_currency: 'jpy',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
    });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'http://localhost:3000/payouts/refresh',
      return_url: 'http://localhost:3000/payouts/done',
    });
    expect(link.url.startsWith(`${stripeUrl()}/connect/onboarding/`)).toBe(true);
    const before = await lastEventId();

    expect(await (await fetch(link.url)).text()).toContain('報酬の受け取り設定');
    const submitted = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe('http://localhost:3000/payouts/done');
    const reused = await fetch(link.url, { redirect: 'manual' });
    expect(reused.headers.get('location')).toBe('http://localhost:3000/payouts/refresh');

    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [] },
    });
    const [updated] = await eventsAbout([account.id], before);
    expect(updated?.event).toMatchObject({
      type: 'account.updated',
      account: account.id,
      data: { previous_attributes: { payouts_enabled: false, details_submitted: false } },
    });
  });

  it('serves a billing portal listing the invoices, where the firm cancels at period end and changes card', async () => {
    const stripe = localStripe();
    const { customer, sub, session } = await subscribe(stripe, stripeUrl());
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'http://localhost:3000/billing',
    });
    expect(portal.url).toBe(`${stripeUrl()}/billing_portal/${portal.id}`);
    const invoice = await stripe.invoices.retrieve(session.invoice as string);
    const page = await (await fetch(portal.url)).text();
    expect(page).toContain(invoice.number ?? 'no number');
    expect(page).toContain(`href="${invoice.hosted_invoice_url}"`);
    expect(page).toContain('期間終了時に解約');
    expect(page).toContain('http://localhost:3000/billing');

    const before = await lastEventId();
    const cancel = await fetch(`${portal.url}/subscriptions/${sub.id}/cancel`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(cancel.status).toBe(303);
    const ending = await stripe.subscriptions.retrieve(sub.id);
    expect(ending).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: ending.items.data[0]?.current_period_end,
    });
    const [updated] = await eventsAbout([sub.id], before);
    expect(updated?.event).toMatchObject({
      type: 'customer.subscription.updated',
      data: { object: { cancel_at_period_end: true }, previous_attributes: { cancel_at_period_end: false } },
    });

    await fetch(`${portal.url}/card`, {
      method: 'POST',
      body: form({ card: 'declines' }),
      redirect: 'manual',
    });
    const after = await (await fetch(portal.url)).text();
    expect(after).toContain('•••• 0002');
    expect(after).toContain('解約を取り消す');
  });

  it('signs every delivery so that stripe.webhooks.constructEvent verifies it, and POSTs it to the product', async () => {
    const stripe = localStripe();
    const before = await lastEventId();
    const account = await onboardedAccount(stripe, stripeUrl());
    const recorded = await eventually(async () => {
      const [r] = await eventsAbout([account.id], before);
      expect(r?.delivery.attempts.length).toBeGreaterThan(0);
      return r as RecordedEvent;
    });
    const attempt = recorded.delivery.attempts[0];
    const event = Stripe.webhooks.constructEvent(
      recorded.payload,
      attempt?.signature ?? '',
      LOCAL_STRIPE_KEYS.webhookSecret,
    );
    expect(event).toMatchObject({
      id: recorded.event.id,
      type: 'account.updated',
      api_version: STRIPE_API_VERSION,
    });
    expect(event.request).toEqual({ id: null, idempotency_key: null });
    expect(() =>
      Stripe.webhooks.constructEvent(recorded.payload, attempt?.signature ?? '', 'whsec_other'),
    ).toThrow();
    // It reached the gateway's webhook route (whatever the route answered).
    expect(typeof attempt?.status).toBe('number');
  });
});

describe('local Stripe’s test clock (a private instance: moving the shared clock would renew other tests’ subscriptions)', () => {
  let local: LocalStripe;
  let stripe: Stripe;
  let base: string;
  const advance = (body: Record<string, unknown>) =>
    stripeControl('POST', '/_local/clock/advance', body, base);

  beforeAll(async () => {
    local = await startLocalStripe({
      port: 0,
      secretKey: LOCAL_STRIPE_KEYS.secretKey,
      webhookSecret: LOCAL_STRIPE_KEYS.webhookSecret,
    });
    base = local.url;
    stripe = stripeAt(base);
  });
  afterAll(() => local.stop());

  it('renews month by month: an invoice per month paid by card, periods from the anchor, the transfer net of the fee', async () => {
    const { account, sub } = await subscribe(stripe, base);
    const start = sub.items.data[0]?.current_period_start ?? 0;
    const report = await advance({ months: 2 });
    expect(report.status).toBe(200);

    const invoices = (await stripe.invoices.list({ subscription: sub.id })).data;
    expect(invoices.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 50_000],
      ['subscription_cycle', 'paid', 50_000],
      ['subscription_create', 'paid', 50_000],
    ]);
    expect(invoices[0]?.lines.data[0]?.period).toEqual({
      start: addMonths(start, 2),
      end: addMonths(start, 3),
    });
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.items.data[0]).toMatchObject({
      current_period_start: addMonths(start, 2),
      current_period_end: addMonths(start, 3),
    });
    expect(renewed.latest_invoice).toBe(invoices[0]?.id);
    const balance = await stripe.balance.retrieve({}, { stripeAccount: account.id });
    expect(balance.available[0]?.amount).toBe(3 * 45_000);
  });

  it('fails a renewal on a declining card (past_due, open invoice), and invoices.pay after switching cards makes it active', async () => {
    const { customer, sub } = await subscribe(stripe, base);
    const before = await lastEventId(base);
    await stripeControl('POST', `/_local/customers/${customer.id}/card`, { card: 'declines' }, base);
    await advance({ months: 1, customer: customer.id });

    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('past_due');
    const [open] = (await stripe.invoices.list({ subscription: sub.id, status: 'open' })).data;
    expect(open).toMatchObject({
      attempt_count: 1,
      attempted: true,
      amount_paid: 0,
      amount_remaining: 50_000,
    });
    await expect(stripe.invoices.pay(open?.id ?? '')).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);

    await stripeControl('POST', `/_local/customers/${customer.id}/card`, { card: 'succeeds' }, base);
    const paid = await stripe.invoices.pay(open?.id ?? '');
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 50_000, attempt_count: 3 });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');

    const events = await eventsAbout([sub.id, open?.id ?? ''], before, base);
    expect(events.map((r) => r.event.type)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.payment_failed',
      'customer.subscription.updated',
      'invoice.payment_failed',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
    ]);
    expect(events[4]?.event.data.previous_attributes).toEqual({ status: 'active' });
    expect(events[8]?.event.data.previous_attributes).toEqual({ status: 'past_due' });
  });

  it('moves one customer’s clock alone when asked', async () => {
    const { customer } = await subscribe(stripe, base);
    const global = (await stripeControl('GET', '/_local/clock', undefined, base)).body.now as number;
    await advance({ days: 3, customer: customer.id });
    const own = (await stripeControl('GET', `/_local/clock?customer=${customer.id}`, undefined, base)).body
      .now;
    expect(own - global).toBeGreaterThanOrEqual(3 * 86_400);
    expect(own - global).toBeLessThan(3 * 86_400 + 5);
  });

  it('voids the renewal invoice while collection is paused, and charges again once resumed', async () => {
    const { customer, sub } = await subscribe(stripe, base);
    await stripe.subscriptions.update(sub.id, { pause_collection: { behavior: 'void' } });
    await advance({ months: 1, customer: customer.id });
    const [voided] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(voided).toMatchObject({ status: 'void', billing_reason: 'subscription_cycle', amount_paid: 0 });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');

    const before = await lastEventId(base);
    const resumed = await stripe.subscriptions.update(sub.id, { pause_collection: '' });
    expect(resumed.pause_collection).toBeNull();
    const [updated] = await eventsAbout([sub.id], before, base);
    expect(updated?.event.data.previous_attributes).toEqual({
      pause_collection: { behavior: 'void', resumes_at: null },
    });
    await advance({ months: 1, customer: customer.id });
    const [next] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(next).toMatchObject({ status: 'paid', amount_paid: 50_000 });
  });

  it('cancels at the end of the period when asked to, and at once on DELETE', async () => {
    const { customer, sub } = await subscribe(stripe, base);
    const end = sub.items.data[0]?.current_period_end;
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    const before = await lastEventId(base);
    await advance({ months: 1, customer: customer.id });
    expect(await stripe.subscriptions.retrieve(sub.id)).toMatchObject({ status: 'canceled', ended_at: end });
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    expect((await eventsAbout([sub.id], before, base)).map((r) => r.event.type)).toEqual([
      'customer.subscription.deleted',
    ]);

    const other = await subscribe(stripe, base);
    const canceled = await stripe.subscriptions.cancel(other.sub.id);
    expect(canceled).toMatchObject({ status: 'canceled' });
    expect((await stripe.subscriptions.list({ customer: other.customer.id })).data).toHaveLength(0);
    expect(
      (await stripe.subscriptions.list({ customer: other.customer.id, status: 'canceled' })).data,
    ).toHaveLength(1);
  });

  it('retries a failed delivery with backoff, then marks it failed; while paused it records events without sending them', async () => {
    const { freePort } = await import('../../infra/local/ports.ts');
    const closed = await freePort(); // nobody listens there: every attempt is a network error
    const sending = await startLocalStripe({
      port: 0,
      secretKey: LOCAL_STRIPE_KEYS.secretKey,
      webhookSecret: LOCAL_STRIPE_KEYS.webhookSecret,
      webhookUrl: `http://127.0.0.1:${closed}/v1/webhooks/stripe`,
      retryDelaysMs: [20, 40],
    });
    try {
      const account = await onboardedAccount(stripeAt(sending.url), sending.url);
      const failed = await eventually(async () => {
        const [r] = await eventsAbout([account.id], undefined, sending.url);
        expect(r?.delivery.status).toBe('failed');
        return r as RecordedEvent;
      });
      expect(failed.delivery.attempts).toHaveLength(3);
      expect(failed.delivery.attempts.every((a) => a.status === undefined && a.error)).toBe(true);

      await stripeControl('POST', '/_local/webhooks', { enabled: false }, sending.url);
      const later = await onboardedAccount(stripeAt(sending.url), sending.url);
      const [held] = await eventsAbout([later.id], undefined, sending.url);
      expect(held?.event.pending_webhooks).toBe(0);
      expect(held?.delivery).toEqual({ status: 'skipped', attempts: [] });
      expect((await stripeControl('POST', '/_local/webhooks', { enabled: true }, sending.url)).body).toEqual({
        enabled: true,
      });
    } finally {
      await sending.stop();
    }
  });

  it('keeps its objects, events and clock in the data file between runs', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'local-stripe-'));
    const options = {
      port: 0,
      secretKey: LOCAL_STRIPE_KEYS.secretKey,
      webhookSecret: LOCAL_STRIPE_KEYS.webhookSecret,
      dataFile: join(dir, 'stripe.json'),
    };
    try {
      const first = await startLocalStripe(options);
      const { sub } = await subscribe(stripeAt(first.url), first.url);
      await stripeControl('POST', '/_local/clock/advance', { months: 1 }, first.url);
      await first.stop();

      const second = await startLocalStripe(options);
      const again = stripeAt(second.url);
      expect((await again.invoices.list({ subscription: sub.id })).data).toHaveLength(2);
      const clock = (await stripeControl('GET', '/_local/clock', undefined, second.url)).body.now as number;
      expect(clock - Date.now() / 1000).toBeGreaterThan(27 * 86_400);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
