import { describe, expect, it } from 'vitest';
import { mayReadFigures, regionIncludes } from '../../shared/metrics/access.ts';
import { figures, monthsToRead } from '../../shared/metrics/figures.ts';
import { addMonths, monthsBetween } from '../../shared/metrics/months.ts';
import { differences, fold } from '../../shared/metrics/rebuild.ts';
import {
  changesOf,
  contribution,
  delta,
  livesOutside,
  type Marker,
  type MonthCounters,
  profileChanges,
} from '../../shared/metrics/rules.ts';
import { factsOf } from '../../shared/metrics/sources.ts';
import { suppressSmallCells } from '../../shared/metrics/suppression.ts';
import {
  ama2025,
  fixture,
  KOCHI,
  kochi2025,
  umaji2025,
  umajiLastQuarter,
} from '../support/metrics-fixture.ts';

const NOW = '2026-12';
const { context, activities } = fixture('unit');

async function figuresOf(
  expected: { region: { code: string }; from: string; to: string },
  items = [...context, ...activities],
) {
  const { months } = await fold(items);
  const region = months.get(expected.region.code) ?? new Map();
  const { first, last } = monthsToRead(expected);
  // Only the months a page reads: what is outside them must not matter.
  const read: MonthCounters = new Map([...region].filter(([m]) => m >= first && m <= last));
  const { from, to, ...rest } = figures(read, expected, NOW);
  return { from, to, ...rest };
}

const withoutRegion = <
  T extends {
    region: unknown;
    byHomePrefecture: { prefectureCode: string; people: number | null; suppressed: boolean }[];
  },
>(
  e: T,
) => {
  const { region, byHomePrefecture, ...rest } = e;
  return {
    ...rest,
    byHomePrefecture: byHomePrefecture.map(({ prefectureCode, people, suppressed }) => ({
      prefectureCode,
      people,
      suppressed,
    })),
  };
};

describe('relationship population: the hand-checked history', () => {
  for (const expected of [umaji2025, kochi2025, ama2025, umajiLastQuarter]) {
    it(`${expected.region.code} ${expected.from}…${expected.to}: every figure as worked out by hand`, async () => {
      expect(await figuresOf(expected)).toEqual(withoutRegion(expected));
    });
  }

  it('counts the same whatever order the records come in, and a record seen twice once', async () => {
    const shuffled = [...activities].reverse();
    const twice = [...context, ...shuffled, ...activities.slice(0, 12)];
    expect(await figuresOf(umaji2025, twice)).toEqual(withoutRegion(umaji2025));
  });

  it('the stream’s deltas, applied one fact at a time in another order with repeats, add up to the rebuild', async () => {
    const { months: rebuilt } = await fold([...context, ...activities]);
    const byId = (type: string, key: string) =>
      new Map(
        [...context, ...activities].filter((i) => i.type === type).map((i) => [i[key] as string, i as never]),
      );
    const [users, events, projects] = [byId('User', 'userId'), byId('Event', 'id'), byId('Project', 'id')];
    const lookups = {
      project: async (id: string) => projects.get(id),
      user: async (id: string) => users.get(id),
      event: async (id: string) => events.get(id),
    };
    // A fixed shuffle (every 7th record, wrapping) and the first five again at the end.
    const order = activities.map(
      (_, i) => activities[(i * 7) % activities.length] as Record<string, unknown>,
    );
    const kept = new Map<string, MonthCounters>();
    const markers = new Map<string, Marker>();
    for (const item of [...order, ...order.slice(0, 5)]) {
      for (const change of (await factsOf(item, undefined, lookups)).flatMap(changesOf)) {
        const key = `${change.regionCode}/${change.subject.kind}/${change.subject.id}`;
        const before = markers.get(key);
        const after = change.apply(before);
        if (!after) continue;
        markers.set(key, after);
        const region = kept.get(change.regionCode) ?? new Map();
        for (const [month, counters] of delta(contribution(before), contribution(after))) {
          const c = region.get(month) ?? {};
          for (const [k, n] of Object.entries(counters)) c[k] = (c[k] ?? 0) + n;
          region.set(month, c);
        }
        kept.set(change.regionCode, region);
      }
    }
    expect(differences(kept, rebuilt)).toEqual([]);
    expect(rebuilt.get(KOCHI)?.size).toBeGreaterThan(10);
  });
});

describe('a profile edit', () => {
  it('counts the person anew in every region they have ties with, as the rebuild reading today’s profile does', async () => {
    const { ids } = fixture('unit');
    // P2 (Osaka) moves to 高知県: no longer a relationship person of 馬路村 or 高知県.
    const moved = context.map((i) => (i.userId === ids.p2 ? { ...i, homePrefectureCode: KOCHI } : i));
    const rebuilt = (await fold([...moved, ...activities])).months;
    const before = await fold([...context, ...activities]);
    const p2 = moved.find((i) => i.userId === ids.p2) as Record<string, unknown>;
    const [fact] = await factsOf(
      p2,
      context.find((i) => i.userId === ids.p2),
      {
        project: async () => undefined,
        user: async () => undefined,
        event: async () => undefined,
      },
    );
    if (fact?.kind !== 'profile') throw new Error(`expected a profile fact, got ${fact?.kind}`);
    const regions = before.markers.filter((m) => m.subject.id === ids.p2).map((m) => m.regionCode);
    expect(regions.sort()).toEqual([KOCHI, '39306']);
    const changes = profileChanges(fact.person, regions);
    const kept = new Map<string, MonthCounters>();
    for (const m of before.markers) {
      const change = changes.find((c) => c.regionCode === m.regionCode && c.subject.id === m.subject.id);
      const marker = change ? change.apply(m.marker) : m.marker;
      kept.set(m.regionCode, contribution(marker, kept.get(m.regionCode) ?? new Map()));
    }
    expect(differences(kept, rebuilt)).toEqual([]);
    const f = figures(rebuilt.get('39306') ?? new Map(), umaji2025, NOW);
    expect(f.relationshipPeople).toBe(4);
    expect(f.byHomePrefecture.map((c) => c.prefectureCode)).toEqual(['13', '39']);
  });
});

describe('who lives outside a region', () => {
  it('by home municipality, else home prefecture; someone with neither counts', () => {
    expect(livesOutside({ homeMunicipalityCode: '39412' }, '39306')).toBe(true); // another town of the prefecture
    expect(livesOutside({ homeMunicipalityCode: '39412' }, '39')).toBe(false);
    expect(livesOutside({ homePrefectureCode: '39' }, '39306')).toBe(false); // only the prefecture is known
    expect(livesOutside({ homePrefectureCode: '13' }, '39306')).toBe(true);
    expect(livesOutside({ homeMunicipalityCode: '46222' }, 'amami')).toBe(false); // 奄美市 is in the group
    expect(livesOutside({ homePrefectureCode: '46' }, 'amami')).toBe(false);
    expect(livesOutside({ homeMunicipalityCode: '46201' }, 'amami')).toBe(true); // 鹿児島市 is not
    expect(livesOutside({}, '39')).toBe(true);
  });
});

describe('small cells', () => {
  const cells = (...people: number[]) =>
    people.map((n, i) => ({ key: String.fromCharCode(97 + i), people: n }));
  const hidden = (out: { people: number | null; suppressed: boolean }[]) =>
    out.flatMap((c, i) => (c.suppressed ? [String.fromCharCode(97 + i)] : []));

  it('hides 1s and 2s and shows the rest', () => {
    expect(hidden(suppressSmallCells(cells(5, 1, 7, 2, 9)))).toEqual(['b', 'd']);
    expect(suppressSmallCells(cells(5, 1, 7, 2, 9))[1]).toEqual({ key: 'b', people: null, suppressed: true });
    expect(suppressSmallCells(cells(5, 1, 7, 2, 9))[0]).toEqual({ key: 'a', people: 5, suppressed: false });
  });

  it('one hidden cell could be worked out from the total: the next smallest is hidden too', () => {
    expect(hidden(suppressSmallCells(cells(10, 1, 4, 6)))).toEqual(['b', 'c']);
    // among equal next-smallest cells, the first in table order
    expect(hidden(suppressSmallCells(cells(4, 2, 4)))).toEqual(['a', 'b']);
  });

  it('hidden cells that can only all be 1s (or all 2s) are not safe either', () => {
    expect(hidden(suppressSmallCells(cells(1, 1, 5, 8)))).toEqual(['a', 'b', 'c']);
    expect(hidden(suppressSmallCells(cells(2, 2, 6, 3)))).toEqual(['a', 'b', 'd']);
    expect(hidden(suppressSmallCells(cells(1, 2, 5, 8)))).toEqual(['a', 'b']); // 3 over two cells: 1+2 or 2+1
  });

  it('nothing to hide, or nothing left to hide behind', () => {
    expect(hidden(suppressSmallCells(cells(3, 4, 5)))).toEqual([]);
    expect(hidden(suppressSmallCells(cells(2)))).toEqual(['a']);
    expect(hidden(suppressSmallCells([]))).toEqual([]);
  });
});

describe('distinct people from fixed-size month items', () => {
  // One person with ties in the given months: the people of every period of up to 36 months, counted from
  // the gap counters, equal the people counted directly.
  it('counts a person once in any period they have a tie in', () => {
    const months = ['2023-01', '2023-02', '2024-06', '2026-03', '2026-04', '2026-12'];
    const ties = Object.fromEntries(
      months.map((m, i) => [`t${i}`, { month: m, kind: 'application' as const }]),
    );
    const counters = contribution({ kind: 'person', homeBucket: '13', counted: true, skills: [], ties });
    for (const from of monthsBetween('2022-06', '2026-12')) {
      for (let len = 1; len <= 36; len += 5) {
        const to = addMonths(from, len - 1);
        const f = figures(counters, { from, to }, '2030-01');
        const direct = months.some((m) => m >= from && m <= to) ? 1 : 0;
        expect(f.relationshipPeople, `${from}…${to}`).toBe(direct);
        const window = monthsBetween(addMonths(to, -11), to);
        expect(f.activeRelationshipPeople, `active ${to}`).toBe(
          months.filter((m) => window.includes(m)).length >= 2 ? 1 : 0,
        );
      }
    }
  });
});

describe('who may read a region’s figures', () => {
  const staff = (regionCode: string) => ({ role: 'region_staff' as const, regionCode });
  it('staff read their region and the regions inside it; operators every region', () => {
    expect(mayReadFigures(staff('31'), '31')).toBe(true);
    expect(mayReadFigures(staff('31'), '31370')).toBe(true);
    expect(mayReadFigures(staff('31'), '32525')).toBe(false);
    expect(mayReadFigures(staff('31370'), '31')).toBe(false);
    expect(mayReadFigures(staff('amami'), '46222')).toBe(true);
    expect(mayReadFigures(staff('amami'), '46201')).toBe(false);
    expect(mayReadFigures(staff('46'), 'amami')).toBe(true);
    expect(mayReadFigures({ role: 'operator', regionCode: undefined }, '01100')).toBe(true);
    expect(mayReadFigures({ role: 'professional', regionCode: undefined }, '31')).toBe(false);
    expect(regionIncludes('31', '13')).toBe(false);
  });
});
