import { describe, expect, it } from 'vitest';
import { withholdingJpy, yearlyStatement } from '#shared/billing/rules.ts';
import { sharesFor, sharesStartFrom } from '#shared/engagements/rules.ts';
import {
  equalShares,
  largestRemainder,
  paidMembers,
  SharesInput,
  splitMonth,
  withoutMember,
} from '#shared/teams/rules.ts';

const pcts = (ps: number[]) => ps.map((percent, i) => ({ userId: `u${i}`, percent }));

describe('dividing a month among a team, to the yen', () => {
  it('¥45,000 at 33.3 / 33.3 / 33.4 divides exactly', () => {
    expect(largestRemainder(45_000, [333, 333, 334])).toEqual([14_985, 14_985, 15_030]);
  });

  it('a yen left over goes to the largest remainder; equal remainders to the one listed first', () => {
    // ¥100: exact parts 33.3, 33.3, 33.4 → 33, 33, 33 and one yen to the .4
    expect(largestRemainder(100, [333, 333, 334])).toEqual([33, 33, 34]);
    // ¥10 at 33.4 / 33.3 / 33.3: 3.34, 3.33, 3.33 → the first has the largest remainder
    expect(largestRemainder(10, [334, 333, 333])).toEqual([4, 3, 3]);
    // ¥1 at 50 / 50: a tie, so the first listed (the director) has it; always the same way
    expect(largestRemainder(1, [500, 500])).toEqual([1, 0]);
    expect(largestRemainder(1, [500, 500])).toEqual([1, 0]);
    // ¥2 at 50 / 50: nothing left over
    expect(largestRemainder(2, [500, 500])).toEqual([1, 1]);
  });

  it('a member at 0 % gets nothing and is not paid', () => {
    expect(largestRemainder(50_000, [600, 400, 0])).toEqual([30_000, 20_000, 0]);
    expect(paidMembers(pcts([60, 40, 0])).map((s) => s.userId)).toEqual(['u0', 'u1']);
  });

  it('every column of the month adds up exactly to the month (¥50,000, fee ¥5,000 with ¥454 tax, net ¥45,000)', () => {
    const parts = splitMonth(
      { netJpy: 45_000, platformFeeJpy: 5_000, feeTaxJpy: 454 },
      pcts([33.3, 33.3, 33.4]),
    );
    expect(parts.map((p) => [p.netJpy, p.platformFeeJpy, p.feeTaxJpy, p.grossJpy])).toEqual([
      [14_985, 1_665, 151, 16_650],
      [14_985, 1_665, 151, 16_650],
      [15_030, 1_670, 152, 16_700],
    ]);
    for (const [key, total] of [
      ['netJpy', 45_000],
      ['platformFeeJpy', 5_000],
      ['feeTaxJpy', 454],
      ['grossJpy', 50_000],
    ] as const)
      expect(parts.reduce((s, p) => s + p[key], 0)).toBe(total);
  });

  it('equal shares are one-decimal percentages adding up to 100, the odd tenths to the first', () => {
    expect(equalShares(['a', 'b', 'c']).map((s) => s.percent)).toEqual([33.4, 33.3, 33.3]);
    expect(equalShares(['a', 'b']).map((s) => s.percent)).toEqual([50, 50]);
    expect(equalShares(['a', 'b', 'c', 'd', 'e', 'f']).map((s) => s.percent)).toEqual([
      16.7, 16.7, 16.7, 16.7, 16.6, 16.6,
    ]);
    const twenty = equalShares(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(twenty.every((s) => s.percent === 5)).toBe(true);
  });

  it('a member who leaves: their share goes to the others in proportion', () => {
    // 50 / 30 / 20 without the 30: 500 : 200 of 1000 tenths = 714.28… and 285.71… → 71.4 and 28.6
    expect(withoutMember(pcts([50, 30, 20]), 'u1')).toEqual([
      { userId: 'u0', percent: 71.4 },
      { userId: 'u2', percent: 28.6 },
    ]);
    // The others at 0 %: equally
    expect(withoutMember(pcts([100, 0, 0]), 'u0').map((s) => s.percent)).toEqual([50, 50]);
  });
});

describe('the shares a director may set', () => {
  const ok = (shares: unknown) => SharesInput.safeParse({ shares }).success;
  it('whole or one-decimal percentages, members once each, adding up to 100', () => {
    expect(ok(pcts([33.3, 33.3, 33.4]))).toBe(true);
    expect(ok(pcts([100, 0]))).toBe(true);
    expect(ok(pcts([33.33, 33.33, 33.34]))).toBe(false);
    expect(ok(pcts([33.3, 33.3, 33.3]))).toBe(false);
    expect(ok(pcts([101, -1]))).toBe(false);
    expect(
      ok([
        { userId: 'a', percent: 50 },
        { userId: 'a', percent: 50 },
      ]),
    ).toBe(false);
    expect(ok([])).toBe(false);
  });
});

describe('which shares pay a month', () => {
  const versions = [
    { seq: 1, from: '' },
    { seq: 2, from: '2027-02-01T00:00:00.000Z' },
    { seq: 3, from: '2027-02-01T00:00:00.000Z' },
    { seq: 4, from: '2027-03-01T00:00:00.000Z' },
  ];
  it('the latest version in force at the period’s start: a change applies from the next paid month', () => {
    expect(sharesFor(versions, '2027-01-01T00:00:00.000Z')?.seq).toBe(1);
    expect(sharesFor(versions, '2027-02-01T00:00:00.000Z')?.seq).toBe(3);
    expect(sharesFor(versions, '2027-03-01T00:00:00.000Z')?.seq).toBe(4);
    expect(sharesFor([versions[0] as (typeof versions)[0]], '')?.seq).toBe(1);
  });
  it('a change starts at the end of the current period, or with the first month before payment starts', () => {
    expect(sharesStartFrom({ currentPeriodEnd: '2027-02-01T00:00:00.000Z' })).toBe(
      '2027-02-01T00:00:00.000Z',
    );
    expect(sharesStartFrom({})).toBe('');
  });
});

describe('withholding on each member’s own payment', () => {
  it('10.21 % up to ¥1,000,000 a payment, 20.42 % on the excess, per member row', () => {
    expect(withholdingJpy(1_000_000)).toBe(102_100);
    expect(withholdingJpy(1_000_010)).toBe(102_102);
    const row = (engagementId: string, grossJpy: number) => ({
      month: '2027-01',
      engagementId,
      title: 'イベント運営',
      firmName: '箕輪町',
      grossJpy,
      platformFeeJpy: 0,
      feeTaxJpy: 0,
      netJpy: grossJpy,
      withholding: true,
    });
    // Two members' parts of one month are two payments, each withheld on its own.
    const a = yearlyStatement([row('e1', 600_000)]);
    const b = yearlyStatement([row('e1', 1_200_000)]);
    expect(a.totals.withholdingJpy).toBe(61_260);
    expect(b.totals.withholdingJpy).toBe(102_100 + 40_840);
  });
});
