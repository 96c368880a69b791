import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { type LocalStripe, startLocalStripe } from '../../infra/local/stripe/index.ts';
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
 * Separate charges and transfers, as team engagements use them: the firm's subscription is charged to
 * the platform (no `transfer_data`, no fee), and each paid invoice is split among the team with one
 * `POST /v1/transfers` per member, from the invoice's charge. Spoken to only through the official SDK.
 * Balances are exact on a private instance (the cloud's is shared by every test file at once).
 */

const options = {
  port: 0,
  secretKey: LOCAL_STRIPE_KEYS.secretKey,
  webhookSecret: LOCAL_STRIPE_KEYS.webhookSecret,
};

const email = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@test.kakehashi.jp`;

async function account(stripe: Stripe, base: string, onboarded = true) {
  const created = await stripe.accounts.create({
    type: 'express',
    email: email('member'),
    capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
  });
  if (onboarded) await stripeControl('POST', `/_local/accounts/${created.id}/complete_onboarding`, {}, base);
  return created;
}

/**
 * A team engagement's first invoice, paid by card and charged to the platform; its charge found the way
 * the product finds it (invoice payments → PaymentIntent → latest charge).
 */
async function paidTeamInvoice(stripe: Stripe, base: string, amount = 50_000) {
  const customer = await stripe.customers.create({ email: email('firm') });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: 'jpy',
          unit_amount: amount,
          product_data: { name: 'チーム支援' },
          recurring: { interval: 'month' },
        },
      },
    ],
    subscription_data: { metadata: { engagementId: 'eng-team' } },
    success_url: 'http://localhost:3000/engagements/eng-team',
  });
  const done = await stripeControl<Stripe.Checkout.Session>(
    'POST',
    `/_local/checkout_sessions/${session.id}/complete`,
    { card: 'succeeds' },
    base,
  );
  expect(done.status).toBe(200);
  const invoice = await stripe.invoices.retrieve(done.body.invoice as string);
  const [payment] = (await stripe.invoicePayments.list({ invoice: invoice.id })).data;
  const pi = await stripe.paymentIntents.retrieve(payment?.payment.payment_intent as string);
  const charge = await stripe.charges.retrieve(pi.latest_charge as string);
  const sub = await stripe.subscriptions.retrieve(done.body.subscription as string);
  return { customer, invoice, pi, charge, sub };
}

/** The transfer the product makes for one member's share of an invoice. */
const share = (
  invoice: Stripe.Invoice,
  charge: Stripe.Charge,
  destination: string,
  amount: number,
  userId: string,
): Stripe.TransferCreateParams => ({
  amount,
  currency: 'jpy',
  destination,
  source_transaction: charge.id,
  transfer_group: invoice.id,
  metadata: { engagementId: 'eng-team', userId, invoiceId: invoice.id },
});

const objectId = (r: RecordedEvent) => (r.event.data.object as { id?: string }).id;

describe('local Stripe: transfers to connected accounts (a private instance)', () => {
  let local: LocalStripe;
  let stripe: Stripe;
  let base: string;
  const platform = async () => (await stripe.balance.retrieve()).available[0]?.amount;
  const balanceOf = async (id: string) =>
    (await stripe.balance.retrieve({}, { stripeAccount: id })).available[0]?.amount;

  beforeAll(async () => {
    local = await startLocalStripe(options);
    base = local.url;
    stripe = stripeAt(base);
  });
  afterAll(() => local.stop());

  it('charges a team engagement to the platform: the whole amount in its balance, nothing to any account', async () => {
    const before = await platform();
    const { sub, invoice, pi, charge } = await paidTeamInvoice(stripe, base);
    expect(sub).toMatchObject({ status: 'active', transfer_data: null, application_fee_percent: null });
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 50_000 });
    expect(pi).toMatchObject({ status: 'succeeded', transfer_data: null, application_fee_amount: null });
    expect(charge).toMatchObject({
      status: 'succeeded',
      amount: 50_000,
      transfer_data: null,
      payment_intent: pi.id,
    });
    expect(await platform()).toBe((before ?? 0) + 50_000);
  });

  it('splits the charge in two transfers that move the balances; a third beyond the charge is refused', async () => {
    const { invoice, charge } = await paidTeamInvoice(stripe, base);
    const [lead, member] = [await account(stripe, base), await account(stripe, base)];
    const before = await platform();

    const first = await stripe.transfers.create(share(invoice, charge, lead.id, 30_000, 'u-lead'));
    expect(first.id).toMatch(/^tr_/);
    expect(first).toMatchObject({
      object: 'transfer',
      amount: 30_000,
      amount_reversed: 0,
      reversed: false,
      currency: 'jpy',
      destination: lead.id,
      source_transaction: charge.id,
      transfer_group: invoice.id,
      metadata: { engagementId: 'eng-team', userId: 'u-lead', invoiceId: invoice.id },
      livemode: false,
    });
    const second = await stripe.transfers.create(share(invoice, charge, member.id, 20_000, 'u-member'));
    expect(await balanceOf(lead.id)).toBe(30_000);
    expect(await balanceOf(member.id)).toBe(20_000);
    expect(await platform()).toBe((before ?? 0) - 50_000);

    const third = stripe.transfers.create(share(invoice, charge, member.id, 1, 'u-member'));
    await expect(third).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(third).rejects.toMatchObject({
      statusCode: 400,
      message:
        'Transfers using this transaction as a source must not exceed the source amount of ¥50,000. (There is already a transfer using this source, amounting to ¥50,000.)',
    });
    expect(await balanceOf(member.id)).toBe(20_000);
    expect(await platform()).toBe((before ?? 0) - 50_000);

    const group = await stripe.transfers.list({ transfer_group: invoice.id, limit: 100 });
    expect(group.data.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(group.has_more).toBe(false);
    expect(await stripe.transfers.retrieve(first.id)).toEqual(first);
    expect((await stripe.transfers.list({ destination: member.id })).data.map((t) => t.id)).toEqual([
      second.id,
    ]);
    const page = await stripe.transfers.list({ transfer_group: invoice.id, limit: 1 });
    expect(page).toMatchObject({ has_more: true, data: [{ id: second.id }] });
    const next = await stripe.transfers.list({
      transfer_group: invoice.id,
      limit: 1,
      starting_after: second.id,
    });
    expect(next).toMatchObject({ has_more: false, data: [{ id: first.id }] });
  });

  it('refuses a transfer beyond the charge at once, and one from a charge whose share already went to an account', async () => {
    const { invoice, charge } = await paidTeamInvoice(stripe, base, 10_000);
    const member = await account(stripe, base);
    await expect(
      stripe.transfers.create(share(invoice, charge, member.id, 10_001, 'u-member')),
    ).rejects.toMatchObject({
      message: 'Transfers using this transaction as a source must not exceed the source amount of ¥10,000.',
    });

    // A destination charge (a one-person engagement): its transfer of ¥45,000 already used the charge.
    const pro = await account(stripe, base);
    const customer = await stripe.customers.create({ email: email('firm') });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'jpy',
            unit_amount: 50_000,
            product_data: { name: 'DX推進支援' },
            recurring: { interval: 'month' },
          },
        },
      ],
      subscription_data: { transfer_data: { destination: pro.id }, application_fee_percent: 10 },
      success_url: 'http://localhost:3000/',
    });
    const done = await stripeControl<Stripe.Checkout.Session>(
      'POST',
      `/_local/checkout_sessions/${session.id}/complete`,
      { card: 'succeeds' },
      base,
    );
    const [payment] = (await stripe.invoicePayments.list({ invoice: done.body.invoice as string })).data;
    const pi = await stripe.paymentIntents.retrieve(payment?.payment.payment_intent as string);
    await expect(
      stripe.transfers.create({
        amount: 10_000,
        currency: 'jpy',
        destination: member.id,
        source_transaction: pi.latest_charge as string,
      }),
    ).rejects.toMatchObject({
      message:
        'Transfers using this transaction as a source must not exceed the source amount of ¥50,000. (There is already a transfer using this source, amounting to ¥45,000.)',
    });
    expect(await balanceOf(member.id)).toBe(0);
  });

  it('refuses an account whose onboarding is not complete, and one that does not exist', async () => {
    const { invoice, charge } = await paidTeamInvoice(stripe, base);
    const pending = await account(stripe, base, false);
    const before = await platform();
    const refused = stripe.transfers.create(share(invoice, charge, pending.id, 10_000, 'u-new'));
    await expect(refused).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(refused).rejects.toMatchObject({
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
      message:
        'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
    });
    await expect(
      stripe.transfers.create(share(invoice, charge, 'acct_missing', 10_000, 'u-x')),
    ).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'destination' });
    expect((await stripe.transfers.list({ transfer_group: invoice.id })).data).toEqual([]);
    expect(await balanceOf(pending.id)).toBe(0);
    expect(await platform()).toBe(before);

    // Once onboarded, the same transfer (with a fresh idempotency key) goes through.
    await stripeControl('POST', `/_local/accounts/${pending.id}/complete_onboarding`, {}, base);
    await stripe.transfers.create(share(invoice, charge, pending.id, 10_000, 'u-new'));
    expect(await balanceOf(pending.id)).toBe(10_000);
  });

  it('makes one transfer for an idempotency key sent twice, and refuses the key with other parameters', async () => {
    const { invoice, charge } = await paidTeamInvoice(stripe, base);
    const member = await account(stripe, base);
    const key = `transfer-${invoice.id}-u-member`;
    const params = share(invoice, charge, member.id, 25_000, 'u-member');
    const first = await stripe.transfers.create(params, { idempotencyKey: key });
    const again = await stripe.transfers.create(params, { idempotencyKey: key });
    expect(again).toEqual(first);
    expect((await stripe.transfers.list({ transfer_group: invoice.id })).data).toHaveLength(1);
    expect(await balanceOf(member.id)).toBe(25_000);

    await expect(
      stripe.transfers.create({ ...params, amount: 24_000 }, { idempotencyKey: key }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((await stripe.transfers.list({ transfer_group: invoice.id })).data).toHaveLength(1);
    expect(await balanceOf(member.id)).toBe(25_000);
  });

  it('sends from the available balance without a source charge, and refuses more than it holds', async () => {
    const member = await account(stripe, base);
    const available = (await platform()) ?? 0;
    expect(available).toBeGreaterThan(1_000);
    const refused = stripe.transfers.create({
      amount: available + 1,
      currency: 'jpy',
      destination: member.id,
    });
    await expect(refused).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(refused).rejects.toMatchObject({ statusCode: 400, code: 'balance_insufficient' });

    const bonus = await stripe.transfers.create({
      amount: 1_000,
      currency: 'jpy',
      destination: member.id,
      description: 'ボーナス',
    });
    expect(bonus).toMatchObject({ source_transaction: null, transfer_group: null, description: 'ボーナス' });
    expect(await balanceOf(member.id)).toBe(1_000);
    expect(await platform()).toBe(available - 1_000);

    await expect(
      stripe.transfers.create({ amount: 1_000, currency: 'usd', destination: member.id }),
    ).rejects.toMatchObject({ param: 'currency' });
    await expect(
      stripe.transfers.create({ amount: 0, currency: 'jpy', destination: member.id }),
    ).rejects.toMatchObject({ param: 'amount' });
    await expect(
      stripe.transfers.create({
        amount: 1_000,
        currency: 'jpy',
        destination: member.id,
        source_transaction: 'ch_missing',
      }),
    ).rejects.toMatchObject({ code: 'resource_missing', param: 'source_transaction' });
    await expect(stripe.transfers.retrieve('tr_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('records transfer.created for each transfer, with the request that made it', async () => {
    const { invoice, charge } = await paidTeamInvoice(stripe, base);
    const member = await account(stripe, base);
    const before = await lastEventId(base);
    const key = `transfer-${invoice.id}-u-events`;
    const transfer = await stripe.transfers.create(share(invoice, charge, member.id, 5_000, 'u-events'), {
      idempotencyKey: key,
    });
    await stripe.transfers.create(share(invoice, charge, member.id, 5_000, 'u-events'), {
      idempotencyKey: key,
    });
    const events = (await recordedEvents(before, base)).filter((r) => objectId(r) === transfer.id);
    expect(events.map((r) => r.event.type)).toEqual(['transfer.created']);
    expect(events[0]?.event).toMatchObject({
      object: 'event',
      api_version: STRIPE_API_VERSION,
      data: { object: transfer },
      request: { idempotency_key: key },
    });
    expect(events[0]?.event.account).toBeUndefined();
    const listed = await stripe.events.list({ type: 'transfer.created', limit: 1 });
    expect(listed.data[0]?.data.object).toMatchObject({ id: transfer.id });
  });

  it('keeps transfers in the data file, and still loads a data file written before transfers existed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-stripe-transfers-'));
    const dataFile = join(dir, 'stripe.json');
    try {
      const first = await startLocalStripe({ ...options, dataFile });
      const sdk = stripeAt(first.url);
      const { invoice, charge } = await paidTeamInvoice(sdk, first.url);
      const member = await account(sdk, first.url);
      const transfer = await sdk.transfers.create(share(invoice, charge, member.id, 8_000, 'u-kept'));
      await first.stop();

      const second = await startLocalStripe({ ...options, dataFile });
      const again = stripeAt(second.url);
      expect(await again.transfers.retrieve(transfer.id)).toEqual(transfer);
      expect((await again.balance.retrieve({}, { stripeAccount: member.id })).available[0]?.amount).toBe(
        8_000,
      );
      await second.stop();

      const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown>;
      delete saved.transfers;
      writeFileSync(dataFile, JSON.stringify(saved));
      const old = await startLocalStripe({ ...options, dataFile });
      const sdkOld = stripeAt(old.url);
      expect((await sdkOld.transfers.list()).data).toEqual([]);
      expect((await sdkOld.accounts.retrieve(member.id)).id).toBe(member.id);
      const next = await sdkOld.transfers.create({ amount: 1_000, currency: 'jpy', destination: member.id });
      expect((await sdkOld.transfers.list()).data.map((t) => t.id)).toEqual([next.id]);
      await old.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('local Stripe (the cloud’s): transfers', () => {
  it('delivers transfer.created to the product’s webhook endpoint, signed like every other event', async () => {
    const stripe = localStripe();
    const base = stripeUrl();
    const { invoice, charge } = await paidTeamInvoice(stripe, base);
    const member = await account(stripe, base);
    const before = await lastEventId();
    const transfer = await stripe.transfers.create(share(invoice, charge, member.id, 12_000, 'u-cloud'));
    expect((await stripe.balance.retrieve({}, { stripeAccount: member.id })).available[0]?.amount).toBe(
      12_000,
    );
    const recorded = await eventually(async () => {
      const [r] = (await recordedEvents(before)).filter((e) => objectId(e) === transfer.id);
      expect(r?.delivery.attempts.length).toBeGreaterThan(0);
      return r as RecordedEvent;
    });
    const event = Stripe.webhooks.constructEvent(
      recorded.payload,
      recorded.delivery.attempts[0]?.signature ?? '',
      LOCAL_STRIPE_KEYS.webhookSecret,
    );
    expect(event).toMatchObject({ type: 'transfer.created', data: { object: { id: transfer.id } } });
    expect(typeof recorded.delivery.attempts[0]?.status).toBe('number');
  });
});
