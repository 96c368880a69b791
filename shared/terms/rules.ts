import { addMonths, monthOf } from '../metrics/months.ts';

/**
 * The freelance act (特定受託事業者に係る取引の適正化等に関する法律, in force 2024-11-01) as it bears on a
 * Kakehashi retainer, pure. Sections cited are the act's; docs/compliance.md says where each is applied.
 */

/** 4条: the fee is paid within 60 days of receiving the work, counted from that day (day 1). */
export const PAYMENT_DEADLINE_DAYS = 60;
/** 13条 and 16条: a commission of 6 months or more (renewals counted) is a 継続的業務委託. */
export const LONG_ENGAGEMENT_MONTHS = 6;
/** 16条1項: ending a long commission needs 30 days' notice. */
export const NOTICE_DAYS = 30;

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

/** A Japan calendar date (YYYY-MM-DD) of an instant. */
export const dateInJapan = (iso: string) =>
  new Date(new Date(iso).getTime() + JST_MS).toISOString().slice(0, 10);

/** The last calendar day of a month (YYYY-MM-DD). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The latest day a month of service may be paid: a monthly retainer's work of a month is received on the month's
 * last day (the JFTC's reading of monthly closing, 月単位の締切), and that day is the first of the 60.
 */
export const paymentDeadline = (serviceMonth: string) =>
  plusDays(lastDayOf(serviceMonth), PAYMENT_DEADLINE_DAYS - 1);

/** An instant `months` calendar months later, on the same day or the month's last (Stripe's monthly cycle). */
export function addCalendarMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString();
}

export type PaymentRow = { serviceMonth: string; chargedOn: string; deadline: string; inTime: boolean };

/**
 * When each month of service is paid: Stripe charges the firm at the start of each monthly period, the first at
 * checkout (`firstChargeAt`), so month k is charged k calendar months after it. The service months run from the
 * start month (the month of the first charge when the project names none) for the engagement's duration.
 */
export function paymentSchedule(p: {
  startMonth?: string | undefined;
  durationMonths: number;
  firstChargeAt: string;
}): PaymentRow[] {
  const start = p.startMonth ?? monthOf(p.firstChargeAt);
  return Array.from({ length: p.durationMonths }, (_, k) => {
    const serviceMonth = addMonths(start, k);
    const chargedOn = dateInJapan(addCalendarMonths(p.firstChargeAt, k));
    const deadline = paymentDeadline(serviceMonth);
    return { serviceMonth, chargedOn, deadline, inTime: chargedOn <= deadline };
  });
}

/**
 * Whether a start month and a first charge at `firstChargeAt` pay every month in time; if not, why, and the
 * earliest start month that would. Refused at acceptance, at checkout and when a project names its start.
 */
export function checkPaymentSchedule(p: {
  startMonth?: string | undefined;
  durationMonths: number;
  firstChargeAt: string;
}):
  | { ok: true }
  | {
      ok: false;
      serviceMonth: string;
      deadline: string;
      chargedOn: string;
      earliestStartMonth: string;
      reason: string;
    } {
  const late = paymentSchedule(p).find((row) => !row.inTime);
  if (!late) return { ok: true };
  let earliest = p.startMonth ?? monthOf(p.firstChargeAt);
  while (!checkPaymentScheduleOk({ ...p, startMonth: earliest })) earliest = addMonths(earliest, 1);
  return {
    ok: false,
    ...late,
    earliestStartMonth: earliest,
    reason:
      `Under the freelance act each month's fee must be paid within ${PAYMENT_DEADLINE_DAYS} days of the month's end: ` +
      `${late.serviceMonth} would be paid on ${late.chargedOn}, after its deadline of ${late.deadline}. ` +
      `Start the work in ${earliest} or later.`,
  };
}
const checkPaymentScheduleOk = (p: Parameters<typeof paymentSchedule>[0]) =>
  paymentSchedule(p).every((r) => r.inTime);

/** Whether the commission is one of 6 months or more: as agreed, or by having run that long (renewals count). */
export function isLongEngagement(
  e: { durationMonths: number; startedAt?: string | undefined },
  at: string,
): boolean {
  if (e.durationMonths >= LONG_ENGAGEMENT_MONTHS) return true;
  return e.startedAt !== undefined && addCalendarMonths(e.startedAt, LONG_ENGAGEMENT_MONTHS) <= at;
}

/**
 * When an engagement the firm ends stops: at the end of the period paid for, and for a long one not before
 * 30 days from the request (16条1項), so "cancel at period end" becomes the later of the two.
 */
export function endingAt(p: { periodEnd: string; requestedAt: string; long: boolean }): {
  endsAt: string;
  noticeExtended: boolean;
} {
  if (!p.long) return { endsAt: p.periodEnd, noticeExtended: false };
  const notice = new Date(Date.parse(p.requestedAt) + NOTICE_DAYS * DAY_MS).toISOString();
  return notice > p.periodEnd
    ? { endsAt: notice, noticeExtended: true }
    : { endsAt: p.periodEnd, noticeExtended: false };
}
