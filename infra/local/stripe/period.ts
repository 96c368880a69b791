/**
 * Billing-period arithmetic, in Unix seconds and UTC, as Stripe bills: a monthly period keeps the
 * billing cycle anchor's day of month, and falls back to the month's last day when it has fewer days
 * (an anchor on Jan 31 renews on Feb 28 or 29, then on Mar 31: never drifts to the 28th).
 */

const DAY = 86_400;

/** `anchor` plus `months` calendar months, the day clamped to the target month's length. */
export function addMonths(anchor: number, months: number): number {
  const date = new Date(anchor * 1000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()) / 1000;
}

export function addDays(time: number, days: number): number {
  return time + days * DAY;
}

/** Whole calendar months from `from` to `to` (by year and month only, not the day). */
function monthsBetween(from: number, to: number): number {
  const a = new Date(from * 1000);
  const b = new Date(to * 1000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/**
 * The end of the monthly period that starts at `periodStart`, counted from the anchor rather than from
 * the period start, so a short month does not pull every later renewal forward.
 */
export function nextPeriodEnd(anchor: number, periodStart: number): number {
  let months = Math.max(1, monthsBetween(anchor, periodStart) + 1);
  // A start clamped to a month's end (Feb 28 from an anchor on the 31st) is still that month's period.
  while (addMonths(anchor, months) <= periodStart) months += 1;
  return addMonths(anchor, months);
}
