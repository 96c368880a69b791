import { addMonths, monthIndex, monthsBetween } from './months.ts';
import { ACTIVE_WINDOW_MONTHS, type MonthCounters, RETENTION_MONTHS, UNKNOWN_HOME } from './rules.ts';
import { suppressSmallCells } from './suppression.ts';

export type Period = { from: string; to: string };

/** The months a page must read: the period, and the 12 months ending with its last (active people). */
export const monthsToRead = (p: Period) => ({
  first:
    monthIndex(p.from) <= monthIndex(p.to) - (ACTIVE_WINDOW_MONTHS - 1)
      ? p.from
      : addMonths(p.to, -(ACTIVE_WINDOW_MONTHS - 1)),
  last: p.to,
});

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Distinct people of a period, grouped: a person is counted in the first month of the period they have a
 * tie in, the one whose gap to their previous tie month reaches back before `from` (or who had none).
 */
function distinctPeople(
  months: MonthCounters,
  { from, to }: Period,
  groupOf: (parts: string[]) => string | undefined,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const month of monthsBetween(from, to)) {
    const offset = monthIndex(month) - monthIndex(from);
    for (const [counter, n] of Object.entries(months.get(month) ?? {})) {
      const parts = counter.split(':');
      const group = groupOf(parts);
      const gap = Number(parts.at(-1));
      if (group === undefined || !Number.isInteger(gap)) continue;
      if (gap === 0 || gap > offset) out.set(group, (out.get(group) ?? 0) + n);
    }
  }
  return out;
}

const only = (prefix: string) => (parts: string[]) =>
  parts[0] === prefix && parts.length === 2 ? prefix : undefined;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function total(months: MonthCounters, { from, to }: Period, counter: string): number {
  return monthsBetween(from, to).reduce((n, m) => n + (months.get(m)?.[counter] ?? 0), 0);
}

/** The figures of a period from its region's month counters. `currentMonth` bounds what retention can know. */
export function figures(months: MonthCounters, period: Period, currentMonth: string) {
  const byHome = distinctPeople(months, period, (p) => (p[0] === 'a' ? p[1] : undefined));
  const relationshipPeople = sum(byHome);
  const homeUnknown = byHome.get(UNKNOWN_HOME) ?? 0;
  const people = (prefix: string) => distinctPeople(months, period, only(prefix)).get(prefix) ?? 0;
  const work = people('e');
  const visits = people('v');
  const workOrVisit = people('ev');

  const windowStart = addMonths(period.to, -(ACTIVE_WINDOW_MONTHS - 1));
  const activeRelationshipPeople = monthsBetween(windowStart, period.to).reduce(
    (n, m) => n + (months.get(m)?.[`act:${monthIndex(m) - monthIndex(windowStart)}`] ?? 0),
    0,
  );

  const monthly = monthsBetween(period.from, period.to).map((month) => {
    const counters = Object.entries(months.get(month) ?? {}).filter(([k]) => k.startsWith('a:'));
    return {
      month,
      relationshipPeople: counters.reduce((n, [, v]) => n + v, 0),
      newPeople: counters.filter(([k]) => k.endsWith(':0')).reduce((n, [, v]) => n + v, 0),
    };
  });

  const retention = Object.fromEntries(
    RETENTION_MONTHS.map((k) => {
      let base = 0;
      let kept = 0;
      for (const m of monthsBetween(period.from, period.to)) {
        if (monthIndex(m) + k >= monthIndex(currentMonth)) continue; // that month has not ended yet
        base += months.get(m)?.['eng:started'] ?? 0;
        kept += months.get(m)?.[`eng:m${k}`] ?? 0;
      }
      return [`m${k}`, base ? round(kept / base, 3) : null];
    }),
  ) as { m3: number | null; m6: number | null; m12: number | null };

  const postings = total(months, period, 'postings');
  const byHomePrefecture = suppressSmallCells(
    [...byHome]
      .filter(([code]) => code !== UNKNOWN_HOME)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([prefectureCode, n]) => ({ prefectureCode, people: n })),
  );
  // Shown skills by how many people have them; hidden ones after them by name, so that their order says nothing.
  const bySkill = suppressSmallCells(
    [...distinctPeople(months, period, (p) => (p[0] === 's' ? p[1] : undefined))]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([skill, n]) => ({ skill, people: n })),
  ).sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.people ?? 0) - (a.people ?? 0));

  return {
    from: period.from,
    to: period.to,
    relationshipPeople,
    activeRelationshipPeople,
    homeUnknown,
    byType: {
      remoteWork: workOrVisit - visits,
      onSiteWork: work + visits - workOrVisit,
      exchange: visits,
      nonVisiting: relationshipPeople - workOrVisit,
    },
    monthly,
    funnel: {
      tourAttendees: total(months, period, 'f:tour'),
      applied: total(months, period, 'f:applied'),
      engaged: total(months, period, 'f:engaged'),
    },
    repeatVisitors: people('r'),
    retention,
    matches: total(months, period, 'matches'),
    postings,
    postingsWithApplications: total(months, period, 'postingsWithApplications'),
    applicationsPerPosting: postings ? round(total(months, period, 'postingApplications') / postings, 2) : 0,
    feesPaidJpy: total(months, period, 'fees'),
    byHomePrefecture,
    bySkill,
  };
}
