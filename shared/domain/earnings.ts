import type { MonthMoney } from './money.ts';
import { withholdingJpy } from './money.ts';

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
  withholdingJpy: number;
};
export type EarningsTotals = MonthMoney & { withholdingJpy: number };

/**
 * A year's statement: one row per month and engagement (a month with two payments of one engagement adds them;
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
      withholdingJpy: 0,
    };
    row.grossJpy += p.grossJpy;
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
    withholdingJpy: 0,
  };
  for (const r of sorted) {
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
