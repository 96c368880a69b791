import { describe, expect, it } from 'vitest';
import { ProfileInput } from '../../shared/accounts/rules.ts';
import {
  feeDocument,
  type PaidMonthFacts,
  paidMonthDocuments,
  platformFeeInvoice,
  purchaseDateOf,
  TRANSITIONAL_DEDUCTION_SOURCE,
  transitionalDeductionPercent,
} from '../../shared/invoices/rules.ts';

const PLATFORM_T = 'T1234567890123';

/** September 2026 in Japan: 09-01 00:00 JST to 10-01 00:00 JST, paid at its start. */
const september = (over: Partial<PaidMonthFacts> = {}): PaidMonthFacts => ({
  engagementId: 'e1',
  invoiceId: 'in_sep',
  title: 'EC サイトの改善',
  firm: { name: '株式会社 鳥取みらい' },
  platform: { name: '架け橋 Kakehashi', registrationNumber: PLATFORM_T },
  professionalId: 'pro1',
  suppliers: [{ id: 'pro1', name: '佐藤 花子', registered: true, grossJpy: 110_000, platformFeeJpy: 11_000 }],
  month: '2026-09',
  periodStart: '2026-08-31T15:00:00.000Z',
  periodEnd: '2026-09-30T15:00:00.000Z',
  paidAt: '2026-08-31T15:01:00.000Z',
  issuedAt: '2026-08-31T15:01:02.000Z',
  ...over,
});
const october = (over: Partial<PaidMonthFacts> = {}) =>
  september({
    invoiceId: 'in_oct',
    month: '2026-10',
    periodStart: '2026-09-30T15:00:00.000Z',
    periodEnd: '2026-10-31T15:00:00.000Z',
    paidAt: '2026-09-30T15:01:00.000Z',
    ...over,
  });
const unregistered = [
  { id: 'pro1', name: '佐藤 花子', registered: false, grossJpy: 200_000, platformFeeJpy: 20_000 },
];

describe('the transitional deduction for purchases from non-registered suppliers (one table)', () => {
  it('is 80 % to 2026-09-30, then 70 %, 50 % from 2028-10-01, 30 % from 2030-10-01 and none from 2031-10-01', () => {
    const at = (d: string) => transitionalDeductionPercent(d);
    expect([at('2023-10-01'), at('2026-09-30'), at('2026-10-01'), at('2028-09-30')]).toEqual([
      80, 80, 70, 70,
    ]);
    expect([at('2028-10-01'), at('2030-09-30'), at('2030-10-01'), at('2031-09-30')]).toEqual([
      50, 50, 30, 30,
    ]);
    expect([at('2031-10-01'), at('2040-01-01')]).toEqual([0, 0]);
    // Before the invoice system, every purchase's tax was deductible.
    expect(at('2023-09-30')).toBe(100);
    expect(TRANSITIONAL_DEDUCTION_SOURCE).toContain('附則第52条');
  });

  it('dates a month of service by its last day in Japan (the period end is exclusive, in UTC)', () => {
    expect(purchaseDateOf('2026-09-30T15:00:00.000Z')).toBe('2026-09-30');
    expect(purchaseDateOf('2026-10-15T03:00:00.000Z')).toBe('2026-10-15');
  });
});

describe('the firm’s document for the fee', () => {
  it('is a qualified invoice in the platform’s name when both the professional and the platform are registered', () => {
    const d = feeDocument(september());
    expect(d).toMatchObject({
      kind: 'fee',
      basis: 'intermediary',
      qualified: true,
      title: '適格請求書（媒介者交付特例）',
      // 1. the issuer and its number (the intermediary's own), 6. the recipient
      issuer: { name: '架け橋 Kakehashi', registrationNumber: PLATFORM_T },
      recipient: { name: '株式会社 鳥取みらい' },
      // 2. the date of the transaction: the month of service, and when it was paid
      service: { month: '2026-09', from: '2026-09-01', to: '2026-09-30' },
      paidAt: '2026-08-31T15:01:00.000Z',
      totalJpy: 110_000,
    });
    expect(d.parts).toHaveLength(1);
    // 3. the content, 4. the amount at the rate and the rate, 5. the tax: ¥110,000 at 10 % holds ¥10,000.
    expect(d.parts[0]).toMatchObject({
      qualified: true,
      ratePercent: 10,
      amountExcludingTaxJpy: 100_000,
      taxJpy: 10_000,
      amountIncludingTaxJpy: 110_000,
      lines: [
        {
          description: '業務委託報酬（EC サイトの改善、2026年9月分）',
          supplier: { id: 'pro1', name: '佐藤 花子', registered: true },
          amountJpy: 110_000,
        },
      ],
    });
    expect(d.parts[0]?.deduction).toBeUndefined();
  });

  it('says it is not a qualified invoice for a non-registered professional, with 80 % deductible in September 2026', () => {
    const d = feeDocument(september({ suppliers: unregistered }));
    expect(d).toMatchObject({
      basis: 'not_qualified',
      qualified: false,
      title: '請求書（適格請求書ではありません）',
    });
    // ¥200,000 holds ¥18,181 of tax (200,000 × 10 / 110 = 18,181.8, rounded down); 80 % of it is ¥14,544.
    expect(d.parts[0]).toMatchObject({
      qualified: false,
      amountExcludingTaxJpy: 181_819,
      taxJpy: 18_181,
      deduction: { purchaseDate: '2026-09-30', percent: 80, deductibleTaxJpy: 14_544 },
    });
  });

  it('gives 70 % for October 2026’s month (18,181 × 0.7 = 12,726.7 → ¥12,726)', () => {
    const d = feeDocument(october({ suppliers: unregistered }));
    expect(d.parts[0]?.deduction).toMatchObject({
      purchaseDate: '2026-10-31',
      percent: 70,
      deductibleTaxJpy: 12_726,
    });
  });

  it('is not a qualified invoice when the platform has no registration number, even for a registered professional', () => {
    const d = feeDocument(september({ platform: { name: '架け橋 Kakehashi', registrationNumber: null } }));
    expect(d).toMatchObject({ basis: 'not_qualified', qualified: false });
    expect(d.issuer.registrationNumber).toBeUndefined();
    expect(d.parts[0]?.deduction?.percent).toBe(80);
  });

  it('puts a team’s registered and non-registered members in separate parts, each with its own tax', () => {
    const d = feeDocument(
      october({
        suppliers: [
          { id: 'a', name: '代表 A', registered: true, grossJpy: 60_000, platformFeeJpy: 6_000 },
          { id: 'b', name: 'メンバー B', registered: false, grossJpy: 40_000, platformFeeJpy: 4_000 },
        ],
      }),
    );
    expect(d.qualified).toBe(false);
    expect(d.title).toBe('請求書（適格請求書の部分とそうでない部分があります）');
    expect(d.totalJpy).toBe(100_000);
    // 60,000 × 10 / 110 = 5,454.5 → 5,454; 40,000 × 10 / 110 = 3,636.4 → 3,636, 70 % of it 2,545.
    expect(
      d.parts.map((p) => [p.qualified, p.amountIncludingTaxJpy, p.taxJpy, p.deduction?.deductibleTaxJpy]),
    ).toEqual([
      [true, 60_000, 5_454, undefined],
      [false, 40_000, 3_636, 2_545],
    ]);
  });
});

describe('the professional’s invoice for the platform fee', () => {
  it('is the platform’s qualified invoice with its number, the rate and the tax', () => {
    const d = platformFeeInvoice(september(), 'pro1');
    expect(d).toMatchObject({
      kind: 'platform_fee',
      basis: 'issuer',
      qualified: true,
      professionalId: 'pro1',
      issuer: { name: '架け橋 Kakehashi', registrationNumber: PLATFORM_T },
      recipient: { name: '佐藤 花子' },
      totalJpy: 11_000,
    });
    expect(d?.parts[0]).toMatchObject({ ratePercent: 10, amountExcludingTaxJpy: 10_000, taxJpy: 1_000 });
    expect(d?.parts[0]?.lines[0]?.description).toBe('プラットフォーム利用料（EC サイトの改善、2026年9月分）');
  });

  it('says it is not one when the platform is not registered, dated by the payment', () => {
    const d = platformFeeInvoice(
      september({ platform: { name: '架け橋', registrationNumber: null } }),
      'pro1',
    );
    expect(d).toMatchObject({ basis: 'not_qualified', qualified: false });
    // Paid 2026-09-01 in Japan: 80 % of ¥1,000.
    expect(d?.parts[0]?.deduction).toMatchObject({
      purchaseDate: '2026-09-01',
      percent: 80,
      deductibleTaxJpy: 800,
    });
  });

  it('is issued to each team member with a fee, and to nobody for a zero fee', () => {
    const docs = paidMonthDocuments(
      september({
        suppliers: [
          { id: 'a', name: 'A', registered: true, grossJpy: 100_000, platformFeeJpy: 10_000 },
          { id: 'b', name: 'B', registered: true, grossJpy: 0, platformFeeJpy: 0 },
        ],
      }),
    );
    expect(docs.map((d) => [d.kind, d.professionalId])).toEqual([
      ['fee', 'pro1'],
      ['platform_fee', 'a'],
    ]);
    // The firm's document lists only the members paid that month.
    expect(docs[0]?.parts[0]?.lines.map((l) => l.supplier.id)).toEqual(['a']);
  });
});

describe('a professional’s registration', () => {
  const pro = { role: 'professional', displayName: '佐藤 花子' } as const;
  it('takes a registered issuer with a T number, validated like the firm’s', () => {
    expect(
      ProfileInput.safeParse({ ...pro, qualifiedInvoiceIssuer: true, invoiceRegistrationNumber: PLATFORM_T })
        .success,
    ).toBe(true);
    expect(ProfileInput.safeParse({ ...pro, qualifiedInvoiceIssuer: false }).success).toBe(true);
    const bad = ProfileInput.safeParse({ ...pro, invoiceRegistrationNumber: 'T123' });
    expect(bad.error?.issues[0]?.path).toEqual(['invoiceRegistrationNumber']);
  });

  it('refuses a registered issuer without a number, on the number’s field', () => {
    const r = ProfileInput.safeParse({ ...pro, qualifiedInvoiceIssuer: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['invoiceRegistrationNumber']);
  });
});
