import { stringify } from 'csv-stringify/sync';
import type { User } from '../accounts/user.entity.ts';
import { PLATFORM_NAME } from '../admin/rules.ts';
import { platformSettings } from '../admin/settings.entity.ts';
import { ledger } from './ledger.entity.ts';
import { type EarningsRow, type EarningsTotals, monthInJapan, yearlyStatement } from './rules.ts';

/** A professional's yearly statement for the tax return (確定申告): paid months of the year, in Japan time. */
export async function earningsStatement(pro: User, year: number) {
  const [rows, settings] = await Promise.all([ledger.earnings(pro.userId, year), platformSettings.get()]);
  const subject = new Set(settings.withholdingWorkTypes);
  const statement = yearlyStatement(
    rows.map((r) => ({
      month: monthInJapan(r.at),
      engagementId: r.engagementId,
      title: r.title,
      firmName: r.firmName,
      grossJpy: r.grossJpy,
      platformFeeJpy: r.platformFeeJpy,
      feeTaxJpy: r.feeTaxJpy,
      netJpy: r.netJpy,
      withholding: subject.has(r.workType),
    })),
  );
  return {
    year,
    professional: { displayName: pro.displayName },
    platform: {
      name: PLATFORM_NAME,
      ...(settings.invoiceRegistrationNumber
        ? { invoiceRegistrationNumber: settings.invoiceRegistrationNumber }
        : {}),
    },
    ...statement,
  };
}

const COLUMNS = [
  ['month', '年月 Month'],
  ['title', '案件 Project'],
  ['firmName', '企業 Firm'],
  ['grossJpy', '報酬額 Gross (JPY)'],
  ['grossTaxJpy', 'うち消費税 Tax in gross (JPY)'],
  ['platformFeeJpy', '手数料 Platform fee (JPY)'],
  ['feeTaxJpy', 'うち消費税 Tax in fee (JPY)'],
  ['netJpy', '差引受取額 Net (JPY)'],
  ['withholdingJpy', '源泉徴収税額 Withholding (JPY)'],
] as const;

/** The statement as CSV: UTF-8 with a BOM, so Excel opens the Japanese correctly; a totals line at the end. */
export function earningsCsv(rows: EarningsRow[], totals: EarningsTotals): string {
  const records = [
    ...rows,
    { month: '合計 Total', title: '', firmName: '', engagementId: '', ...totals },
  ] as Record<string, unknown>[];
  return stringify(records, {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: COLUMNS.map(([key, header]) => ({ key, header })),
  });
}
