import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, mailTo, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  deliver,
  freshParties,
  localStripe,
  onboardPayouts,
  signed,
  stripeSdk,
} from '../support/payments.ts';

type Recorded = {
  event: { id: string; type: string; created: number };
  payload: string;
  delivery: { status: string };
};

const { doc, name } = table();
const marker = async (eventId: string) =>
  (await doc.send(new GetCommand({ TableName: name, Key: { PK: `STRIPE_EVENT#${eventId}`, SK: 'EVENT' } })))
    .Item;
const engagementItem = async (id: string) =>
  (await doc.send(new GetCommand({ TableName: name, Key: { PK: `ENGAGEMENT#${id}`, SK: 'ENGAGEMENT' } })))
    .Item;

/** Posts the exact bytes the local Stripe recorded, freshly signed, as Stripe would deliver them. */
const redeliver = (r: Recorded) => deliver(undefined, signed(r.payload), r.payload);

/**
 * A retainer paid for on the local Stripe while its webhooks are held back (for this one customer only), so the
 * test delivers the recorded events itself: in the wrong order, or three times at once.
 */
async function paidWhileHeld(tag: string) {
  const { firm, pro } = await freshParties(tag);
  const id = await acceptedEngagement(firm.token, pro.token, { monthlyFeeJpy: 50_000 });
  await onboardPayouts(pro.token);
  const checkout = await call('POST', `/v1/engagements/${id}/checkout`, { token: firm.token });
  const session = new URL(checkout.body.url).pathname.split('/').at(-1) as string;
  const customer = (await stripeSdk().checkout.sessions.retrieve(session)).customer as string;
  await localStripe('webhooks', { enabled: false, customer });
  await localStripe(`checkout_sessions/${session}/complete`, { card: 'succeeds' });
  const all = (await (await fetch(`${cloud().stripeUrl}/_local/events`)).json()).items as Recorded[];
  const mine = all.filter((r) => r.payload.includes(id));
  const byType = (type: string) => mine.find((r) => r.event.type === type) as Recorded;
  // Held indeed: nothing was sent, so the product still waits for the payment.
  expect(mine.map((r) => r.delivery.status)).toEqual(mine.map(() => 'skipped'));
  expect(mine.map((r) => r.event.type)).toContain('checkout.session.completed');
  expect((await call('GET', `/v1/engagements/${id}`, { token: firm.token })).body.state).toBe(
    'awaiting_payment',
  );
  return { firm, pro, id, events: mine, byType };
}

describe('POST /v1/webhooks/stripe', () => {
  let held: Awaited<ReturnType<typeof paidWhileHeld>>;
  beforeAll(async () => {
    held = await paidWhileHeld('hook');
  }, 60_000);

  it('refuses a missing header, a wrong signature or a stale timestamp with 400, and writes nothing', async () => {
    const paid = held.byType('invoice.paid');
    const before = await engagementItem(held.id);
    const stale = Math.floor(Date.now() / 1000) - 301;
    for (const header of [
      '',
      signed(paid.payload, { secret: 'whsec_someone_else' }),
      signed(paid.payload, { timestamp: stale }),
      signed(`${paid.payload} `), // signed bytes that are not the bytes sent
    ]) {
      const answer = await deliver(undefined, header, paid.payload);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_signature');
    }
    expect(await engagementItem(held.id)).toEqual(before);
    expect(await marker(paid.event.id)).toBeUndefined();
    expect(
      (await call('GET', `/v1/engagements/${held.id}/invoices`, { token: held.firm.token })).body.items,
    ).toEqual([]);
  });

  it('answers 2xx to an event type it does not handle, and ignores it', async () => {
    const event = {
      id: `evt_unknown_${Date.now()}`,
      object: 'event',
      type: 'product.created',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'prod_x', object: 'product', metadata: { engagementId: held.id } } },
    };
    const answer = await deliver(event);
    expect(answer.status).toBe(200);
    expect(await marker(event.id)).toBeUndefined();
  });

  it('invoice.paid arriving before checkout.session.completed still ends active, with the ledger right', async () => {
    const paid = held.byType('invoice.paid');
    expect((await redeliver(paid)).status).toBe(200);
    const e = await call('GET', `/v1/engagements/${held.id}`, { token: held.firm.token });
    expect(e.body.state).toBe('active');
    const rows = (await call('GET', `/v1/engagements/${held.id}/invoices`, { token: held.pro.token })).body
      .items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'paid',
      grossJpy: 50_000,
      platformFeeJpy: 5_000,
      feeTaxJpy: 454,
      netJpy: 45_000,
    });

    // The rest, newest first: each is applied (once) and none moves the engagement back.
    for (const r of [...held.events].reverse()) expect((await redeliver(r)).status).toBe(200);
    const after = await call('GET', `/v1/engagements/${held.id}`, { token: held.firm.token });
    expect(after.body.state).toBe('active');
    expect(after.body.currentPeriod).toBeDefined();
    expect(
      (await call('GET', `/v1/engagements/${held.id}/invoices`, { token: held.pro.token })).body.items,
    ).toHaveLength(1);
  });

  it('the same event delivered three times at once, and again later, is applied once', async () => {
    const twin = await paidWhileHeld('twice');
    const paid = twin.byType('invoice.paid');
    const answers = await Promise.all([redeliver(paid), redeliver(paid), redeliver(paid)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await redeliver(paid)).status).toBe(200);
    expect(await marker(paid.event.id)).toMatchObject({ eventType: 'invoice.paid' });
    const item = await engagementItem(twin.id);
    expect(item?.state).toBe('active');
    expect(item?.version).toBe(1); // one write: the first delivery's
    expect(
      (await call('GET', `/v1/engagements/${twin.id}/invoices`, { token: twin.firm.token })).body.items,
    ).toHaveLength(1);
    // The change of state is told once, to each party.
    await eventually(async () => {
      const told = (await mailTo(twin.pro.email)).filter((m) => m.subject.includes('稼働中'));
      expect(told).toHaveLength(1);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await mailTo(twin.firm.email)).filter((m) => m.subject.includes('稼働中'))).toHaveLength(1);
  });
});
