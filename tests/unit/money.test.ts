import { describe, expect, it } from 'vitest';
import { earningsCsv } from '#shared/billing/earnings-statement.ts';
import {
  includedConsumptionTaxJpy,
  monthInJapan,
  type PaidMonth,
  platformFeeJpy,
  splitPayment,
  withholdingJpy,
  yearlyStatement,
} from '#shared/billing/rules.ts';

describe('money of a paid month', () => {
  it('the platform fee is the percentage of the gross, to the yen', () => {
    expect(platformFeeJpy(50_000, 10)).toBe(5_000);
    expect(platformFeeJpy(33_333, 10)).toBe(3_333); // 3,333.3
    expect(platformFeeJpy(55_555, 10)).toBe(5_556); // 5,555.5 rounds half up
    expect(platformFeeJpy(80_000, 12.5)).toBe(10_000);
    expect(platformFeeJpy(10_000, 0)).toBe(0);
  });

  it('consumption tax inside the fee is 10/110 of it, rounded down once', () => {
    expect(includedConsumptionTaxJpy(5_000)).toBe(454); // 454.54…
    expect(includedConsumptionTaxJpy(11_000)).toBe(1_000);
    expect(includedConsumptionTaxJpy(0)).toBe(0);
  });

  it('net plus fee is always the gross', () => {
    for (const [gross, pct] of [
      [50_000, 10],
      [33_333, 7.77],
      [1_000_001, 50],
    ] as const) {
      const m = splitPayment(gross, platformFeeJpy(gross, pct));
      expect(m.netJpy + m.platformFeeJpy).toBe(gross);
      expect(Number.isInteger(m.netJpy) && Number.isInteger(m.feeTaxJpy)).toBe(true);
    }
  });

  it('withholding is 10.21 % up to ¥1,000,000 and 20.42 % of the part above, yen fractions dropped', () => {
    expect(withholdingJpy(50_000)).toBe(5_105); // 50,000 × 0.1021
    expect(withholdingJpy(33_333)).toBe(3_403); // 3,403.29…
    expect(withholdingJpy(1_000_000)).toBe(102_100);
    expect(withholdingJpy(1_500_000)).toBe(204_200); // 102,100 + 500,000 × 0.2042
  });

  it('a payment just after midnight in Japan belongs to the new month', () => {
    expect(monthInJapan('2026-03-31T15:30:00.000Z')).toBe('2026-04');
    expect(monthInJapan('2026-03-31T14:59:59.000Z')).toBe('2026-03');
  });
});

describe('yearly earnings statement', () => {
  // Two engagements: a design job subject to withholding (¥50,000 a month) and a DX one (¥80,000).
  const paid = (month: string, engagementId: string, gross: number, withholding: boolean): PaidMonth => ({
    month,
    engagementId,
    title: engagementId === 'design' ? 'パッケージデザイン' : '受発注のデジタル化',
    firmName: engagementId === 'design' ? '湯梨浜梨園' : '奄美黒糖',
    withholding,
    ...splitPayment(gross, platformFeeJpy(gross, 10)),
  });
  const example = [
    paid('2026-02', 'dx', 80_000, false),
    paid('2026-01', 'design', 50_000, true),
    paid('2026-01', 'dx', 80_000, false),
    paid('2026-02', 'design', 50_000, true),
  ];

  it('one row per month and engagement, in month order, with totals checked by hand', () => {
    const { rows, totals } = yearlyStatement(example);
    expect(rows.map((r) => `${r.month} ${r.engagementId}`)).toEqual([
      '2026-01 design',
      '2026-01 dx',
      '2026-02 design',
      '2026-02 dx',
    ]);
    expect(rows[0]).toMatchObject({
      grossJpy: 50_000,
      // The tax in the fee received: 50,000 × 10 / 110 = 4,545.4 → 4,545.
      grossTaxJpy: 4_545,
      platformFeeJpy: 5_000,
      feeTaxJpy: 454,
      netJpy: 45_000,
      withholdingJpy: 5_105,
    });
    expect(rows[1]).toMatchObject({
      grossJpy: 80_000,
      grossTaxJpy: 7_272,
      platformFeeJpy: 8_000,
      feeTaxJpy: 727,
      netJpy: 72_000,
    });
    expect(rows[1]?.withholdingJpy).toBe(0);
    // 2 × 50,000 + 2 × 80,000 holding 2 × 4,545 + 2 × 7,272 of tax; fees 2 × 5,000 + 2 × 8,000; their taxes
    // 2 × 454 + 2 × 727; withholding 2 × 5,105.
    expect(totals).toEqual({
      grossJpy: 260_000,
      grossTaxJpy: 23_634,
      platformFeeJpy: 26_000,
      feeTaxJpy: 2_362,
      netJpy: 234_000,
      withholdingJpy: 10_210,
    });
  });

  it('as CSV: a BOM, a header in Japanese and English, one line per row and a totals line', () => {
    const { rows, totals } = yearlyStatement(example);
    const csv = earningsCsv(rows, totals);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[0]).toContain('報酬額 Gross (JPY)');
    expect(lines[1]).toBe('2026-01,パッケージデザイン,湯梨浜梨園,50000,4545,5000,454,45000,5105');
    expect(lines[5]).toBe('合計 Total,,,260000,23634,26000,2362,234000,10210');
  });
});

describe('what the firm is charged a month', () => {
  it('is the fee itself when it includes tax, and the fee plus 10 % rounded down when it does not', async () => {
    const { monthlyChargeJpy } = await import('#shared/billing/rules.ts');
    expect(monthlyChargeJpy(50_000, 'inclusive')).toBe(50_000);
    expect(monthlyChargeJpy(50_000, 'exclusive')).toBe(55_000);
    // ¥55,555 × 10 % = ¥5,555.5 → ¥5,555.
    expect(monthlyChargeJpy(55_555, 'exclusive')).toBe(61_110);
  });
});
