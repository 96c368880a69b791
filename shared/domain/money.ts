/**
 * The money of a paid month, in integer yen (JPY has no minor unit). The platform's fee is a percentage of what
 * the firm pays and includes consumption tax; the professional receives the rest.
 */

/** Consumption tax rate on the platform's fee (standard rate). */
export const CONSUMPTION_TAX_PERCENT = 10;

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
