import { feeIncome } from '../billing/fee-income.entity.ts';
import type { FeeIncomeOut } from './contract.ts';
import { feeYear } from './rules.ts';

/**
 * The platform's fee income of a year, month by month (`GET /v1/admin/fees`).
 * 1. Query the year's month counters (≤ 12 items), which the ledger adds to as it records each paid row.
 * 2. Fill in the months nobody paid in, and total the year.
 */
export async function feeIncomeOf(year: number): Promise<FeeIncomeOut> {
  return feeYear(year, await feeIncome.year(year));
}
