/**
 * The money of a paid month, in integer yen (JPY has no minor unit). The platform's fee is a percentage of what
 * the firm pays and includes consumption tax; the professional receives the rest.
 */

/** Consumption tax rate on the platform's fee (standard rate). */
export const CONSUMPTION_TAX_PERCENT = 10;

/**
 * What the firm is charged a month: the fee itself when it includes consumption tax (税込), the fee and 10 % on
 * top when it does not (税別), the tax rounded down to the yen.
 */
export function monthlyChargeJpy(feeJpy: number, feeTax: 'inclusive' | 'exclusive'): number {
  return feeTax === 'exclusive' ? feeJpy + Math.floor((feeJpy * CONSUMPTION_TAX_PERCENT) / 100) : feeJpy;
}

/** Stripe's application fee for a subscription invoice: the percentage of its total, to the yen. */
export function platformFeeJpy(grossJpy: number, feePercent: number): number {
  // Percent has at most two decimals: work in hundredths of a percent so 12.34 % is exact.
  return Math.round((grossJpy * Math.round(feePercent * 100)) / 10_000);
}

/** The consumption tax included in a tax-inclusive amount, rounded down once per invoice (適格請求書の端数処理). */
export function includedConsumptionTaxJpy(amountJpy: number): number {
  return Math.floor((amountJpy * CONSUMPTION_TAX_PERCENT) / (100 + CONSUMPTION_TAX_PERCENT));
}

/** 源泉徴収 on one payment: 10.21 % up to ¥1,000,000, 20.42 % of the part above; yen fractions dropped. */
export const WITHHOLDING_THRESHOLD_JPY = 1_000_000;
export function withholdingJpy(paymentJpy: number): number {
  const base = Math.min(paymentJpy, WITHHOLDING_THRESHOLD_JPY);
  const above = Math.max(0, paymentJpy - WITHHOLDING_THRESHOLD_JPY);
  // In basis points of a percent (10.21 % = 1021 / 10,000) so the arithmetic is exact integers.
  return Math.floor((base * 1021 + above * 2042) / 10_000);
}

export type MonthMoney = { grossJpy: number; platformFeeJpy: number; feeTaxJpy: number; netJpy: number };

export function splitPayment(grossJpy: number, platformFee: number): MonthMoney {
  return {
    grossJpy,
    platformFeeJpy: platformFee,
    feeTaxJpy: includedConsumptionTaxJpy(platformFee),
    netJpy: grossJpy - platformFee,
  };
}

/** One paid invoice of a professional's engagement, as the ledger keeps it. */
export type PaidMonth = MonthMoney & {
  month: string; // YYYY-MM, in Japan time, of the payment
  engagementId: string;
  title: string;
  firmName: string;
  /** Whether the engagement's work type is subject to 源泉徴収 (operator setting). */
  withholding: boolean;
};

export type EarningsRow = MonthMoney & {
  month: string;
  engagementId: string;
  title: string;
  firmName: string;
  /** The consumption tax in the fee received (the firm's document), rounded down per payment as invoiced. */
  grossTaxJpy: number;
  withholdingJpy: number;
};
export type EarningsTotals = MonthMoney & { grossTaxJpy: number; withholdingJpy: number };

/**
 * A year's statement, summing both documents of each paid month: the fee received (its tax as the firm's document
 * states it) and the platform's fee (its tax as the platform's invoice states it). One row per month and engagement (a month with two payments of one engagement adds them;
 * withholding is computed per payment, as the payer withholds it), in month order, and the totals.
 */
export function yearlyStatement(paid: PaidMonth[]): { rows: EarningsRow[]; totals: EarningsTotals } {
  const rows = new Map<string, EarningsRow>();
  for (const p of paid) {
    const key = `${p.month}#${p.engagementId}`;
    const row = rows.get(key) ?? {
      month: p.month,
      engagementId: p.engagementId,
      title: p.title,
      firmName: p.firmName,
      grossJpy: 0,
      platformFeeJpy: 0,
      feeTaxJpy: 0,
      netJpy: 0,
      grossTaxJpy: 0,
      withholdingJpy: 0,
    };
    row.grossJpy += p.grossJpy;
    row.grossTaxJpy += includedConsumptionTaxJpy(p.grossJpy);
    row.platformFeeJpy += p.platformFeeJpy;
    row.feeTaxJpy += p.feeTaxJpy;
    row.netJpy += p.netJpy;
    row.withholdingJpy += p.withholding ? withholdingJpy(p.grossJpy) : 0;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.title.localeCompare(b.title, 'ja'),
  );
  const totals: EarningsTotals = {
    grossJpy: 0,
    platformFeeJpy: 0,
    feeTaxJpy: 0,
    netJpy: 0,
    grossTaxJpy: 0,
    withholdingJpy: 0,
  };
  for (const r of sorted) {
    totals.grossTaxJpy += r.grossTaxJpy;
    totals.grossJpy += r.grossJpy;
    totals.platformFeeJpy += r.platformFeeJpy;
    totals.feeTaxJpy += r.feeTaxJpy;
    totals.netJpy += r.netJpy;
    totals.withholdingJpy += r.withholdingJpy;
  }
  return { rows: sorted, totals };
}

/** The month (YYYY-MM) of an instant in Japan time: a payment at 23:30 UTC on 31 March is April's. */
export function monthInJapan(iso: string): string {
  return new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}
