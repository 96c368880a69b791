import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  onboardPayouts,
  payCheckout,
} from '../support/payments.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Qualified invoices (issue 14, インボイス制度): each paid month gives the firm a document for the fee — a
 * qualified invoice in the platform's name (媒介者交付特例) when the professional is a registered issuer, otherwise
 * one that says it is not, with the share of the tax still deductible — and the professional a qualified invoice
 * for the platform's fee. Kept as issued, read by the engagement's parties only; the yearly statement sums both.
 */
type Doc = {
  kind: string;
  basis: string;
  qualified: boolean;
  issuer: { name: string; registrationNumber?: string };
  recipient: { name: string };
  service: { month: string; from: string; to: string };
  parts: {
    qualified: boolean;
    ratePercent: number;
    amountExcludingTaxJpy: number;
    taxJpy: number;
    amountIncludingTaxJpy: number;
    deduction?: { purchaseDate: string; percent: number; deductibleTaxJpy: number; source: string };
  }[];
  totalJpy: number;
};

const PLATFORM = { name: '架け橋 Kakehashi', registrationNumber: 'T1234567890123' };
const documentsPath = (id: string, invoiceId: string) =>
  `/v1/engagements/${id}/invoices/${invoiceId}/documents`;

/** An engagement paid for its first month; the month's invoice id once its documents are issued. */
async function paidMonth(tag: string, pro: Record<string, unknown>, project: Record<string, unknown>) {
  const parties = await freshParties(tag);
  const me = await call('PUT', '/v1/me', {
    token: parties.pro.token,
    json: { role: 'professional', displayName: `${tag} 太郎`, ...pro },
  });
  expect(me.status).toBe(200);
  await onboardPayouts(parties.pro.token);
  const id = await acceptedEngagement(parties.firm.token, parties.pro.token, project);
  await payCheckout(parties.firm.token, id);
  await engagementIn(parties.firm.token, id, 'active');
  const invoiceId = await eventually(async () => {
    const months = await call('GET', `/v1/engagements/${id}/invoices`, { token: parties.firm.token });
    const paid = months.body.items.find((m: { status: string }) => m.status === 'paid');
    if (!paid) throw new Error('no paid month yet');
    const docs = await call('GET', documentsPath(id, paid.invoiceId), { token: parties.pro.token });
    if (docs.status !== 200 || docs.body.documents.length < 2) throw new Error(`documents: ${docs.status}`);
    return paid.invoiceId as string;
  });
  return { ...parties, id, invoiceId };
}

describe('a registered professional’s month: qualified invoices for the firm and the professional', () => {
  let m: Awaited<ReturnType<typeof paidMonth>>;
  beforeAll(async () => {
    // ¥100,000 a month before tax: the firm pays ¥110,000, the platform keeps 10 % of it (¥11,000).
    m = await paidMonth(
      'invoice',
      { qualifiedInvoiceIssuer: true, invoiceRegistrationNumber: 'T9876543210987' },
      { monthlyFeeJpy: 100_000, feeTax: 'exclusive' },
    );
  });

  it('gives the firm a qualified invoice in the platform’s name, with the number, rate and tax', async () => {
    const res = await call('GET', documentsPath(m.id, m.invoiceId), { token: m.firm.token });
    expect(res.status).toBe(200);
    expect(res.body.documents).toHaveLength(1);
    const fee = res.body.documents[0] as Doc;
    expect(fee).toMatchObject({
      kind: 'fee',
      basis: 'intermediary',
      qualified: true,
      issuer: PLATFORM,
      recipient: { name: 'invoice 株式会社' },
      totalJpy: 110_000,
    });
    expect(fee.parts).toEqual([
      expect.objectContaining({
        qualified: true,
        ratePercent: 10,
        amountExcludingTaxJpy: 100_000,
        taxJpy: 10_000,
        amountIncludingTaxJpy: 110_000,
      }),
    ]);
    expect(fee.service.to > fee.service.from).toBe(true);
    // The one document by its kind is the same document.
    const one = await call('GET', `${documentsPath(m.id, m.invoiceId)}/fee`, { token: m.firm.token });
    expect(one.body).toEqual(fee);
  });

  it('gives the professional the copy and their own qualified invoice for the platform’s fee', async () => {
    const res = await call('GET', documentsPath(m.id, m.invoiceId), { token: m.pro.token });
    expect(res.body.documents.map((d: Doc) => d.kind)).toEqual(['fee', 'platform_fee']);
    const platformFee = await call('GET', `${documentsPath(m.id, m.invoiceId)}/platform_fee`, {
      token: m.pro.token,
    });
    expect(platformFee.status).toBe(200);
    expect(platformFee.body).toMatchObject({
      kind: 'platform_fee',
      basis: 'issuer',
      qualified: true,
      issuer: PLATFORM,
      recipient: { name: 'invoice 太郎' },
      totalJpy: 11_000,
    });
    // ¥11,000 holds ¥1,000 of tax at 10 %.
    expect(platformFee.body.parts[0]).toMatchObject({ amountExcludingTaxJpy: 10_000, taxJpy: 1_000 });
  });

  it('shows the platform-fee invoice to nobody but its professional, and no document to anyone else', async () => {
    expect(
      (await call('GET', `${documentsPath(m.id, m.invoiceId)}/platform_fee`, { token: m.firm.token })).status,
    ).toBe(404);
    const stranger = await newUser('invoice-stranger');
    await call('PUT', '/v1/me', { token: stranger.token, json: { role: 'professional', displayName: 'S' } });
    expect((await call('GET', documentsPath(m.id, m.invoiceId), { token: stranger.token })).status).toBe(404);
    expect(
      (await call('GET', `${documentsPath(m.id, m.invoiceId)}/fee`, { token: stranger.token })).status,
    ).toBe(404);
    // A month that has no documents (an invoice of no month of this engagement).
    expect((await call('GET', documentsPath(m.id, 'in_nosuchmonth'), { token: m.firm.token })).status).toBe(
      404,
    );
  });

  it('refuses a kind or an invoice id that cannot be one, naming the field', async () => {
    expectRefused(
      await call('GET', `${documentsPath(m.id, m.invoiceId)}/receipt`, { token: m.firm.token }),
      'receipt',
      'path.kind',
    );
    expectRefused(
      await call('GET', `/v1/engagements/${m.id}/invoices/abc/documents`, { token: m.firm.token }),
      'abc',
      'path.invoiceId',
    );
  });

  it('keeps each document as it was issued when the professional’s registration changes later', async () => {
    const before = await call('GET', documentsPath(m.id, m.invoiceId), { token: m.pro.token });
    await call('PUT', '/v1/me', {
      token: m.pro.token,
      json: { role: 'professional', displayName: '改名 太郎' },
    });
    const after = await call('GET', documentsPath(m.id, m.invoiceId), { token: m.pro.token });
    expect(after.body).toEqual(before.body);
  });

  it('sums both documents in the yearly statement: the fee and its tax, the platform fee and its tax', async () => {
    const fee = (await call('GET', `${documentsPath(m.id, m.invoiceId)}/fee`, { token: m.firm.token }))
      .body as Doc;
    const year = Number(fee.service.month.slice(0, 4));
    const statement = await call('GET', `/v1/me/earnings?year=${year}`, { token: m.pro.token });
    expect(statement.status).toBe(200);
    const row = statement.body.rows.find((r: { engagementId: string }) => r.engagementId === m.id);
    expect(row).toMatchObject({
      grossJpy: 110_000,
      grossTaxJpy: 10_000,
      platformFeeJpy: 11_000,
      feeTaxJpy: 1_000,
    });
  });
});

describe('a non-registered professional’s month: not a qualified invoice, with the transitional deduction', () => {
  it('says so and states the deductible share by the date of the purchase', async () => {
    // A tax-inclusive ¥50,000: it holds ¥4,545 of tax (50,000 × 10 / 110, rounded down).
    const m = await paidMonth('noinvoice', {}, { monthlyFeeJpy: 50_000, feeTax: 'inclusive' });
    const fee = (await call('GET', `${documentsPath(m.id, m.invoiceId)}/fee`, { token: m.firm.token }))
      .body as Doc;
    expect(fee).toMatchObject({
      basis: 'not_qualified',
      qualified: false,
      issuer: PLATFORM,
      totalJpy: 50_000,
    });
    const [part] = fee.parts;
    expect(part).toMatchObject({ qualified: false, amountExcludingTaxJpy: 45_455, taxJpy: 4_545 });
    // The month is paid now (December 2026 on this machine's clock), so it is purchased between 2026-10-01 and
    // 2028-09-30: 70 % of ¥4,545 is ¥3,181.5, rounded down.
    expect(part?.deduction?.purchaseDate).toBe(fee.service.to);
    expect(part?.deduction).toMatchObject({ percent: 70, deductibleTaxJpy: 3_181 });
    expect(part?.deduction?.source).toContain('附則第52条');
    // The professional's invoice for the platform fee is still the platform's qualified invoice.
    const platformFee = await call('GET', `${documentsPath(m.id, m.invoiceId)}/platform_fee`, {
      token: m.pro.token,
    });
    expect(platformFee.body).toMatchObject({ qualified: true, totalJpy: 5_000 });
  });
});
