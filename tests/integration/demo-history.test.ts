import { describe, expect, it } from 'vitest';
import { historyProjects } from '../../infra/local/demo-history.ts';
import { call, signIn } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';

/**
 * The two years of Tottori history the local cloud seeds (infra/local/demo-history.ts with the Yurihama tours
 * of demo-events.ts), as Tottori's staff see it on the relationship-population page, once the stream consumer
 * has counted it. The period ends in November 2026, before what other tests do today; the history is dated, so
 * these figures do not depend on the day the tests run.
 */
const PERIOD = 'from=2025-01&to=2026-11';

type Cell = { prefectureCode: string; people: number | null; suppressed: boolean };

describe('the demo history of Yurihama (湯梨浜町) and Tottori', () => {
  it('staff@ see the field figures: a tour of five, two back the next year, about ten matches, small cells hidden', async () => {
    const staff = await signIn('staff@demo.kakehashi.jp');
    const figures = async (code: string) => {
      const answer = await call('GET', `/v1/regions/${code}/relationship-population?${PERIOD}`, {
        token: staff,
      });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    const yurihama = await eventually(async () => {
      const f = await figures('31370');
      // The September 2025 tour: five self-funded professionals from outside Tottori (its Tottori resident
      // does not count); four applied within the year, three were then paid.
      expect(f.funnel).toEqual({ tourAttendees: 5, applied: 4, engaged: 3 });
      // Two of them came back in 2026.
      expect(f.repeatVisitors).toBe(2);
      expect(f.matches).toBeGreaterThanOrEqual(9);
      expect(f.matches).toBeLessThanOrEqual(12);
      expect(f.homeUnknown).toBe(2);
      // Retention has engagements that lasted 3, 6 and 12 months.
      expect(f.retention.m3).toBeGreaterThan(0);
      expect(f.retention.m6).toBeGreaterThan(0);
      expect(f.retention.m12).toBeGreaterThan(0);
      return f;
    }, 45_000);

    expect(yurihama.region).toMatchObject({ code: '31370', kind: 'municipality' });
    expect(yurihama.relationshipPeople).toBeGreaterThanOrEqual(18);
    expect(yurihama.activeRelationshipPeople).toBeGreaterThan(0);
    expect(yurihama.feesPaidJpy).toBeGreaterThan(0);
    // Online seminar attendance, applications only: ties without a visit or paid work.
    expect(yurihama.byType.nonVisiting).toBeGreaterThan(0);
    expect(yurihama.byType.remoteWork).toBeGreaterThan(0);
    expect(yurihama.byType.onSiteWork).toBeGreaterThan(0);
    expect(yurihama.byType.exchange).toBeGreaterThanOrEqual(5);
    expect(
      yurihama.monthly.filter((m: { relationshipPeople: number }) => m.relationshipPeople > 0).length,
    ).toBeGreaterThanOrEqual(20);

    const cells = yurihama.byHomePrefecture as Cell[];
    const shown = cells.filter((c) => !c.suppressed);
    const hidden = cells.filter((c) => c.suppressed);
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown.every((c) => (c.people as number) >= 3)).toBe(true);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(hidden.every((c) => c.people === null)).toBe(true);
    expect(shown.map((c) => c.prefectureCode)).toEqual(expect.arrayContaining(['13', '27']));
    // Someone from Tottori city counts for Yurihama (outside the town) ...
    expect(cells.map((c) => c.prefectureCode)).toContain('31');

    const tottori = await eventually(async () => {
      const f = await figures('31');
      expect(f.funnel.tourAttendees).toBe(5);
      expect(f.repeatVisitors).toBe(2);
      // Yurihama's matches and Kurayoshi's.
      expect(f.matches).toBeGreaterThan(yurihama.matches);
      expect(f.matches).toBeLessThanOrEqual(14);
      expect(f.homeUnknown).toBe(2);
      return f;
    }, 45_000);
    // ... but not for the prefecture, where they live.
    expect((tottori.byHomePrefecture as Cell[]).map((c) => c.prefectureCode)).not.toContain('31');
    expect((tottori.byHomePrefecture as Cell[]).some((c) => c.suppressed)).toBe(true);
    expect((tottori.byHomePrefecture as Cell[]).some((c) => !c.suppressed)).toBe(true);
    expect(tottori.feesPaidJpy).toBeGreaterThan(yurihama.feesPaidJpy);
  });

  it('keeps the history out of the listings and away from the demo logins', async () => {
    const titles = new Set(historyProjects.map((p) => p.title));
    // The history's projects are closed: no longer listed, still there.
    const listed = (await call('GET', '/v1/projects?prefecture=31&limit=50')).body.items as {
      title: string;
    }[];
    expect(listed.filter((p) => titles.has(p.title))).toEqual([]);
    // Its engagements are between profile-only people and firms: no demo login has one of them.
    for (const email of ['pro@demo.kakehashi.jp', 'pro2@demo.kakehashi.jp', 'firm@demo.kakehashi.jp']) {
      const token = await signIn(email);
      const theirs = (await call('GET', '/v1/engagements', { token })).body.items as { title: string }[];
      expect(
        theirs.filter((e) => titles.has(e.title)),
        email,
      ).toEqual([]);
    }
  });
});
