import { describe, expect, it } from 'vitest';
import { userItem } from '#shared/accounts/user.entity.ts';
import {
  AccountQuery,
  FeesQuery,
  feeYear,
  ReasonInput,
  SUSPENSION_REASON,
  suspensionRefusal,
} from '#shared/admin/rules.ts';
import { feeIncomeKeys } from '#shared/billing/fee-income.entity.ts';
import { refuseSuspended } from '#shared/http/caller.ts';
import { needsOf } from '#shared/http/route.ts';
import { listingEntries } from '#shared/projects/listing.entity.ts';
import { listingChanges } from '#shared/projects/maintain-listings.ts';
import { canSee, type Project } from '#shared/projects/rules.ts';

/** The operators' rules without the cloud: who sees a hidden posting, who may be suspended, a year of fees. */
const open: Project = {
  id: 'p1',
  firmId: 'f1',
  organizationName: '株式会社ゆりはま梨園',
  prefectureCode: '31',
  municipalityCode: '31370',
  title: '梨園のEC立ち上げ支援',
  summary: '二十世紀梨の直売をオンラインに広げたい。',
  skills: ['ec', 'marketing'],
  monthlyFeeJpy: 50_000,
  hoursPerMonth: 20,
  remote: 'full',
  durationMonths: 6,
  shortTime: false,
  status: 'open',
  applicantCount: 0,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  publishedAt: '2026-05-01T00:00:00.000Z',
};
const hidden: Project = {
  ...open,
  hidden: true,
  hiddenAt: '2026-05-02T00:00:00.000Z',
  hiddenBy: 'op',
  hiddenReason: '虚偽の表示',
};

describe('a hidden posting', () => {
  it('is seen by its firm and the operators only, whatever its status', () => {
    expect(canSee(hidden, 'f1')).toBe(true);
    expect(canSee(hidden, 'op', 'operator')).toBe(true);
    expect(canSee(hidden, 'p1', 'professional')).toBe(false);
    expect(canSee(hidden, 'f2', 'firm')).toBe(false);
    expect(canSee(hidden, undefined)).toBe(false);
    expect(canSee({ ...hidden, status: 'closed' }, undefined)).toBe(false);
    // A draft stays its firm's alone, operators included.
    expect(canSee({ ...open, status: 'draft' }, 'op', 'operator')).toBe(false);
    expect(canSee(open, undefined)).toBe(true);
  });

  it('has no listing entries, so hiding an open project removes every one and showing it writes them back', () => {
    expect(listingEntries(hidden)).toEqual([]);
    const entries = listingEntries(open);
    expect(entries.length).toBeGreaterThan(4);
    const hiding = listingChanges(open, hidden);
    expect(hiding.put).toEqual([]);
    expect(hiding.remove).toHaveLength(entries.length);
    const showing = listingChanges(hidden, open);
    expect(showing.remove).toEqual([]);
    expect(showing.put).toEqual(entries);
  });
});

describe('suspension', () => {
  it('never of oneself, never of an operator', () => {
    expect(suspensionRefusal({ userId: 'op', role: 'operator' }, 'op')).toBe('self');
    expect(suspensionRefusal({ userId: 'op2', role: 'operator' }, 'op')).toBe('operator');
    expect(suspensionRefusal({ userId: 'f1', role: 'firm' }, 'op')).toBeUndefined();
    expect(suspensionRefusal({ userId: 's1', role: 'region_staff' }, 'op')).toBeUndefined();
  });

  it('refuses a suspended profile with its own code, and lets any other through', () => {
    expect(() => refuseSuspended({ suspended: true })).toThrow(
      expect.objectContaining({ code: 'account_suspended', name: 'ForbiddenError' }),
    );
    expect(() => refuseSuspended({})).not.toThrow();
    expect(() => refuseSuspended(undefined)).not.toThrow();
  });

  it('reads the profile on every route but a public one: the functions are granted the table for it', () => {
    expect(needsOf({ access: 'signedIn', needs: {} }).table).toBe('read');
    expect(needsOf({ access: 'optional', needs: {} }).table).toBe('read');
    expect(needsOf({ access: ['firm'], needs: { mail: true } })).toEqual({ mail: true, table: 'read' });
    expect(needsOf({ access: 'public', needs: {} }).table).toBeUndefined();
    expect(needsOf({ access: 'signedIn', needs: { table: 'write' } }).table).toBe('write');
  });

  it('hides a firm’s projects for a reason restoring recognises', () => {
    expect(SUSPENSION_REASON).toBe('account suspended');
  });
});

describe('the console’s input', () => {
  it('takes a reason of 1–500 characters, trimmed, and nothing else', () => {
    expect(ReasonInput.parse({ reason: '  虚偽の表示 ' })).toEqual({ reason: '虚偽の表示' });
    expect(ReasonInput.safeParse({ reason: '   ' }).success).toBe(false);
    expect(ReasonInput.safeParse({ reason: 'あ'.repeat(501) }).success).toBe(false);
    expect(ReasonInput.safeParse({ reason: 'x', by: 'someone' }).success).toBe(false);
  });

  it('looks an account up by exactly one of e-mail and id; a year of fees from 2024', () => {
    expect(AccountQuery.safeParse({ email: 'a@example.jp' }).success).toBe(true);
    expect(AccountQuery.safeParse({ id: '7b0e1c2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b' }).success).toBe(true);
    expect(AccountQuery.safeParse({}).success).toBe(false);
    expect(
      AccountQuery.safeParse({ email: 'a@example.jp', id: '7b0e1c2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b' }).success,
    ).toBe(false);
    expect(FeesQuery.parse({ year: '2026' })).toEqual({ year: 2026 });
    expect(FeesQuery.safeParse({ year: '2023' }).success).toBe(false);
    expect(FeesQuery.safeParse({}).success).toBe(false);
  });
});

describe('fee income', () => {
  it('fills a year with its twelve months in order, and totals them', () => {
    const year = feeYear(2026, [
      { month: '2026-03', platformFeeJpy: 5_000, feeTaxJpy: 454, grossJpy: 50_000, paidRows: 1 },
      { month: '2026-01', platformFeeJpy: 12_700, feeTaxJpy: 1_154, grossJpy: 127_000, paidRows: 3 },
    ]);
    expect(year.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(year.months[1]).toEqual({
      month: '2026-02',
      platformFeeJpy: 0,
      feeTaxJpy: 0,
      grossJpy: 0,
      paidRows: 0,
    });
    expect(year.totals).toEqual({ platformFeeJpy: 17_700, feeTaxJpy: 1_608, grossJpy: 177_000, paidRows: 4 });
  });

  it('counts a payment in its month in Japan: a year per partition, a month per item', () => {
    expect(feeIncomeKeys.month('2026-01')).toEqual({ PK: 'FEES#2026', SK: 'MONTH#2026-01' });
  });
});

describe('region staff', () => {
  it('are indexed together, by region, so the console lists them without a scan', () => {
    const staff = userItem(
      { userId: 's1', role: 'region_staff', displayName: '鳥取県', regionCode: '31' } as never,
      '2026-01-01T00:00:00.000Z',
    );
    expect(staff).toMatchObject({ GSI2PK: 'STAFF', GSI2SK: '31#s1', GSI1PK: 'REGION#31' });
    const firm = userItem(
      {
        userId: 'f1',
        role: 'firm',
        displayName: 'x',
        organizationName: 'y',
        municipalityCode: '31370',
      } as never,
      '2026-01-01T00:00:00.000Z',
    );
    expect(firm.GSI2PK).toBeUndefined();
  });
});
