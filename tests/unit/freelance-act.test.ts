import { describe, expect, it } from 'vitest';
import {
  checkPaymentSchedule,
  endingAt,
  isLongEngagement,
  paymentDeadline,
  paymentSchedule,
} from '../../shared/terms/rules.ts';

describe('payment within 60 days (freelance act 4条)', () => {
  it('counts 60 days from the last day of the month of service, that day being the first', () => {
    // November's work is received on 11-30 (day 1); day 60 is 2027-01-28.
    expect(paymentDeadline('2026-11')).toBe('2027-01-28');
    // February 2027 ends on the 28th: day 60 is 04-28. In a leap year (2028) the 29th: 04-28 too.
    expect(paymentDeadline('2027-02')).toBe('2027-04-28');
    expect(paymentDeadline('2028-02')).toBe('2028-04-28');
    expect(paymentDeadline('2026-12')).toBe('2027-02-28');
  });

  it('charges each month at the start of its period, the first at checkout, on Stripe’s monthly cycle', () => {
    const rows = paymentSchedule({
      startMonth: '2026-12',
      durationMonths: 3,
      firstChargeAt: '2026-12-03T03:00:00Z',
    });
    expect(rows).toEqual([
      { serviceMonth: '2026-12', chargedOn: '2026-12-03', deadline: '2027-02-28', inTime: true },
      // 01-31 is day 1, 02-28 day 29, 03-31 day 60.
      { serviceMonth: '2027-01', chargedOn: '2027-01-03', deadline: '2027-03-31', inTime: true },
      { serviceMonth: '2027-02', chargedOn: '2027-02-03', deadline: '2027-04-28', inTime: true },
    ]);
    // A charge on the 31st falls on the last day of a shorter month.
    expect(paymentSchedule({ durationMonths: 2, firstChargeAt: '2027-01-31T01:00:00Z' })[1]?.chargedOn).toBe(
      '2027-02-28',
    );
  });

  it('accepts a start month whose first month is paid on its deadline, and refuses it a day later, naming the earliest start', () => {
    // September 2026 ends on 09-30: its 60th day is 11-28 (Japan time).
    expect(
      checkPaymentSchedule({
        startMonth: '2026-09',
        durationMonths: 6,
        firstChargeAt: '2026-11-28T14:59:00Z',
      }),
    ).toEqual({ ok: true });
    const late = checkPaymentSchedule({
      startMonth: '2026-09',
      durationMonths: 6,
      firstChargeAt: '2026-11-28T15:00:00Z',
    });
    expect(late).toMatchObject({
      ok: false,
      serviceMonth: '2026-09',
      deadline: '2026-11-28',
      chargedOn: '2026-11-29',
      earliestStartMonth: '2026-10',
    });
    expect(late.ok || late.reason).toContain('within 60 days');
  });

  it('never refuses a start in the future or none at all (paid in advance)', () => {
    expect(
      checkPaymentSchedule({
        startMonth: '2027-06',
        durationMonths: 12,
        firstChargeAt: '2026-12-03T00:00:00Z',
      }).ok,
    ).toBe(true);
    expect(checkPaymentSchedule({ durationMonths: 36, firstChargeAt: '2026-12-03T00:00:00Z' }).ok).toBe(true);
  });
});

describe('30 days’ notice for a commission of 6 months or more (16条)', () => {
  it('is a long commission at 6 agreed months, or once a shorter one has run 6 months', () => {
    expect(isLongEngagement({ durationMonths: 6 }, '2026-12-03T00:00:00Z')).toBe(true);
    expect(isLongEngagement({ durationMonths: 5 }, '2026-12-03T00:00:00Z')).toBe(false);
    expect(
      isLongEngagement({ durationMonths: 3, startedAt: '2026-06-03T00:00:00Z' }, '2026-12-03T00:00:00Z'),
    ).toBe(true);
    expect(
      isLongEngagement({ durationMonths: 3, startedAt: '2026-06-04T00:00:00Z' }, '2026-12-03T00:00:00Z'),
    ).toBe(false);
  });

  it('ends a long one at the later of the period end and 30 days from the request', () => {
    const requestedAt = '2026-12-03T00:00:00.000Z';
    // The period ends in 10 days: the notice runs to 2027-01-02.
    expect(endingAt({ periodEnd: '2026-12-13T00:00:00.000Z', requestedAt, long: true })).toEqual({
      endsAt: '2027-01-02T00:00:00.000Z',
      noticeExtended: true,
    });
    // Exactly 30 days: the period end stands.
    expect(endingAt({ periodEnd: '2027-01-02T00:00:00.000Z', requestedAt, long: true })).toEqual({
      endsAt: '2027-01-02T00:00:00.000Z',
      noticeExtended: false,
    });
    // A short one ends at its period end, however near.
    expect(endingAt({ periodEnd: '2026-12-04T00:00:00.000Z', requestedAt, long: false }).endsAt).toBe(
      '2026-12-04T00:00:00.000Z',
    );
  });
});
