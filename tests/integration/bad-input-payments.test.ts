import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, signIn, table } from '../support/api.ts';
import { acceptedEngagement, freshParties, signed, TEST_SETTINGS } from '../support/payments.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every route of payments: always a 4xx with the error shape (and field paths where a
 * field is wrong), never a 5xx, and nothing written: the platform settings and the engagement stay as they were.
 */
const notANumber = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer()),
  fc.object(),
);
const badSettings = fc.oneof(
  fc.record({ platformFeePercent: notANumber, withholdingWorkTypes: fc.constant([]) }),
  fc.double({ min: 50.01, max: 1e9, noNaN: true }).map((p) => ({ ...TEST_SETTINGS, platformFeePercent: p })),
  fc.double({ min: -1e9, max: -0.01, noNaN: true }).map((p) => ({ ...TEST_SETTINGS, platformFeePercent: p })),
  fc.constantFrom(12.345, 0.001, 9.999).map((p) => ({ ...TEST_SETTINGS, platformFeePercent: p })),
  fc
    .string()
    .filter((s) => !/^T\d{13}$/.test(s))
    .map((t) => ({ ...TEST_SETTINGS, invoiceRegistrationNumber: t })),
  fc.oneof(fc.string(), fc.array(fc.integer(), { minLength: 1 })).map((w) => ({
    ...TEST_SETTINGS,
    withholdingWorkTypes: w,
  })),
  fc.constant({}),
  fc.jsonValue().map((v) => ({ ...TEST_SETTINGS, platformName: v })),
  fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.jsonValue())),
);
const badEarnings = fc.oneof(
  fc
    .string({ minLength: 1 })
    .filter((y) => !/^20\d\d$/.test(y))
    .map((year) => ({ year })),
  fc
    .string({ minLength: 1 })
    .filter((f) => f !== 'json' && f !== 'csv')
    .map((format) => ({ format })),
  fc.constantFrom('owner', 'userId', 'all').map((k) => ({ year: '2026', [k]: 'x' })),
);
const badIds = fc
  .string({ minLength: 1, maxLength: 60 })
  .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..') // a dot segment is resolved by the URL, never sent
  .map(encodeURIComponent);
const badSignatures = fc.oneof(
  fc.string(),
  fc.constant('t=1,v1=deadbeef'),
  fc.integer({ min: 301, max: 86_400 }).map((ago) => ({ stale: Math.floor(Date.now() / 1000) - ago })),
  fc.constant({ secret: 'whsec_not_ours' }),
);

describe('bad input on the payment routes', () => {
  let operator: string;
  let firm: string;
  let pro: string;
  let engagementId: string;
  const { doc, name } = table();
  const engagementItem = async () =>
    (
      await doc.send(
        new GetCommand({ TableName: name, Key: { PK: `ENGAGEMENT#${engagementId}`, SK: 'ENGAGEMENT' } }),
      )
    ).Item;

  beforeAll(async () => {
    operator = await signIn('operator@demo.kakehashi.jp');
    const parties = await freshParties('bad');
    firm = parties.firm.token;
    pro = parties.pro.token;
    engagementId = await acceptedEngagement(firm, pro);
  }, 60_000);

  it('PUT /v1/admin/settings: 400 with the field, settings unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(badSettings, async (body) => {
        const answer = await call('PUT', '/v1/admin/settings', { token: operator, json: body });
        expectRefused(answer, body);
        if (answer.status === 400 && body && typeof body === 'object' && !Array.isArray(body))
          expect(answer.body.error.fields?.[0]?.path ?? '', JSON.stringify(body)).toMatch(/^body/);
        const now = await call('GET', '/v1/admin/settings', { token: operator });
        expect(now.body).toMatchObject(TEST_SETTINGS);
      }),
      { numRuns: 40 },
    );
  });

  it('GET /v1/me/earnings: 400 with the query field', async () => {
    await fc.assert(
      fc.asyncProperty(badEarnings, async (query) => {
        const answer = await call('GET', `/v1/me/earnings?${new URLSearchParams(query)}`, { token: pro });
        expectRefused(answer, query, 'query');
      }),
      { numRuns: 30 },
    );
  });

  it('engagement routes with a malformed id: 400 on path.id, the engagement untouched', async () => {
    const before = await engagementItem();
    const routes = [
      ['GET', ''],
      ['GET', '/invoices'],
      ['POST', '/checkout'],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['POST', '/cancel'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(badIds, fc.constantFrom(...routes), async (id, [method, tail]) => {
        const answer = await call(method, `/v1/engagements/${id}${tail}`, { token: firm });
        expect(answer.status, `${method} ${id}${tail}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${id}${tail}`).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    const bad = await call('POST', '/v1/engagements/not-an-id/checkout', { token: firm });
    expectRefused(bad, 'not-an-id', 'path.id');
    expect(await engagementItem()).toEqual(before);
  });

  it('invoice documents with a malformed invoice id or kind: 400 on the path field', async () => {
    const dots = (x: string) => x !== '.' && x !== '..';
    const badInvoiceIds = fc
      .string({ minLength: 1, maxLength: 60 })
      .filter((x) => !/^in_[A-Za-z0-9_]{1,250}$/.test(x) && dots(x));
    const badKinds = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((k) => !['fee', 'platform_fee'].includes(k) && dots(k));
    const documents = `/v1/engagements/${engagementId}/invoices`;
    await fc.assert(
      fc.asyncProperty(badInvoiceIds, badKinds, async (invoiceId, kind) => {
        const list = await call('GET', `${documents}/${encodeURIComponent(invoiceId)}/documents`, {
          token: firm,
        });
        expectRefused(list, invoiceId, 'path.invoiceId');
        const one = await call('GET', `${documents}/in_month/documents/${encodeURIComponent(kind)}`, {
          token: firm,
        });
        expectRefused(one, kind, 'path.kind');
      }),
      { numRuns: 30 },
    );
  });

  it('POST /v1/webhooks/stripe: any body without a valid, fresh signature is a 400 and changes nothing', async () => {
    const before = await engagementItem();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), badSignatures, async (payload, sig) => {
        const body = JSON.stringify({
          id: 'evt_bad',
          type: 'checkout.session.completed',
          data: { object: { metadata: { engagementId }, mode: 'subscription', subscription: 'sub_x' } },
          payload,
        });
        const header =
          typeof sig === 'string'
            ? sig
            : 'stale' in sig
              ? signed(body, { timestamp: sig.stale })
              : signed(body, { secret: sig.secret });
        const res = await fetch(`${cloud().url}/v1/webhooks/stripe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(header ? { 'stripe-signature': header } : {}) },
          body,
        });
        const answer = { status: res.status, body: await res.json(), headers: res.headers };
        expectRefused(answer, sig);
        expect(answer.body.error.code).toBe('invalid_signature');
      }),
      { numRuns: 30 },
    );
    expect(await engagementItem()).toEqual(before);
    const marker = await doc.send(
      new GetCommand({ TableName: name, Key: { PK: 'STRIPE_EVENT#evt_bad', SK: 'EVENT' } }),
    );
    expect(marker.Item).toBeUndefined();
  });
});
