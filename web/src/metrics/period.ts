import { MAX_PERIOD_MONTHS } from '#shared/metrics/limits.ts';
import { addMonths, monthIndex, monthsBetween } from '#shared/metrics/months.ts';

export { MAX_PERIOD_MONTHS };
/** The default period: the 12 months ending this month. */
export const DEFAULT_PERIOD_MONTHS = 12;
/** How far back the month pickers go (five years and the current month). */
const MONTHS_OFFERED = 60;

export type Period = { from: string; to: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (value: string | null | undefined): value is string => !!value && MONTH.test(value);

/** This month in Japan (YYYY-MM), wherever the browser is: the figures count Japan's calendar months. */
export function currentMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The last `n` months, ending with `to` (default: this month). */
export function lastMonths(n: number, to = currentMonth()): Period {
  return { from: addMonths(to, -(n - 1)), to };
}

/** The fiscal year (年度, April to March) a month is in, by its first calendar year: 2026-03 → 2025. */
export const fiscalYearOf = (month: string) =>
  Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) < 4 ? 1 : 0);

/**
 * A fiscal year, as local councils report by it: this one (`yearsBack` 0) up to this month, or a past one
 * whole, April to March.
 */
export function fiscalYear(yearsBack = 0, today = currentMonth()): Period {
  const year = fiscalYearOf(today) - yearsBack;
  const end = `${year + 1}-03`;
  return { from: `${year}-04`, to: end > today ? today : end };
}

/** Months in a period, both ends included. */
export const periodLength = (p: Period) => monthIndex(p.to) - monthIndex(p.from) + 1;

/** What is wrong with a period, if anything: `to` before `from`, or longer than the API answers. */
export function periodProblem(p: Period): 'order' | 'tooLong' | undefined {
  if (p.from > p.to) return 'order';
  if (periodLength(p) > MAX_PERIOD_MONTHS) return 'tooLong';
  return undefined;
}

/** The months the pickers offer, newest first; a month asked for outside them is kept selectable. */
export function monthsOffered(today = currentMonth(), keep: readonly string[] = []): string[] {
  const months = new Set(monthsBetween(addMonths(today, -(MONTHS_OFFERED - 1)), today));
  for (const m of keep) if (isMonth(m)) months.add(m);
  return [...months].sort().reverse();
}
