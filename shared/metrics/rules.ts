import { regionContains, region as regionOf, wideAreaGroup, wideAreaGroupsOf } from '../regions/index.ts';
import { monthAt, monthIndex, yearOfIndex } from './months.ts';

/**
 * Relationship population (関係人口, BRIEF 2.5): the rules, pure.
 *
 * Source records become **facts**; each fact updates a **marker** per region it belongs to (one per person,
 * project or engagement and region); a marker's **contribution** is a set of counters per month; the stream
 * consumer adds (contribution after − contribution before) to the region's month items, and the rebuild sums
 * the contributions of markers it recomputes from the source records, so the two agree by construction.
 *
 * Distinct people over any period of up to 36 months are counted from fixed-size month items: each month a
 * person has a tie in, they are counted once under the gap to their previous tie month in the region
 * (0: none before; 37: more than 36 months before). The people of a period [from, to] are those counted in a
 * month m of it with no tie between `from` and m: gap 0 or gap > m − from. See docs/relationship-population.md.
 */

import { ACTIVE_WINDOW_MONTHS, MAX_PERIOD_MONTHS } from './limits.ts';

export { ACTIVE_WINDOW_MONTHS, MAX_PERIOD_MONTHS };
/** A funnel step counts within the 12 months that start with the person's first tour of the region. */
export const FUNNEL_MONTHS = 12;
export const RETENTION_MONTHS = [3, 6, 12] as const;
const OLDER = MAX_PERIOD_MONTHS + 1;
export const UNKNOWN_HOME = 'unknown';

/** Where a person lives, as their profile says. */
export type Home = { homePrefectureCode?: string; homeMunicipalityCode?: string };
/** Who a tie is of, as far as the figures need: only professionals are counted. */
export type Person = Home & { personId: string; professional: boolean; skills: readonly string[] };

export type Fact =
  | { kind: 'profile'; person: Person }
  | { kind: 'posting'; projectId: string; municipalityCode: string; publishedMonth: string }
  | {
      kind: 'application';
      applicationId: string;
      projectId: string;
      municipalityCode: string;
      person: Person;
      month: string;
      acceptedMonth?: string;
    }
  | {
      kind: 'payment';
      invoiceId: string;
      engagementId: string;
      municipalityCode: string;
      person: Person;
      month: string;
      grossJpy: number;
    }
  | {
      kind: 'attendance';
      eventId: string;
      municipalityCode: string;
      person: Person;
      month: string;
      /** At the venue (a tour, or a seminar's venue seats); online attendance is not a visit. */
      visit: boolean;
      tour: boolean;
      /** A check-in taken back: the tie goes. */
      withdrawn?: boolean;
    };

export type TieKind = 'application' | 'engagement' | 'attendance';
export type Tie = { month: string; kind: TieKind; visit?: boolean; tour?: boolean };

/** A professional's ties with a region; they count only while they live outside it (`counted`). */
export type PersonMarker = {
  kind: 'person';
  homeBucket: string;
  counted: boolean;
  skills: string[];
  ties: Record<string, Tie>;
};
export type ProjectMarker = {
  kind: 'project';
  publishedMonth?: string;
  applications: Record<string, { month: string; acceptedMonth?: string }>;
};
export type EngagementMarker = {
  kind: 'engagement';
  paid: Record<string, { month: string; grossJpy: number }>;
};
export type Marker = PersonMarker | ProjectMarker | EngagementMarker;

/** What a fact changes: one marker of one region. */
export type MarkerChange = {
  regionCode: string;
  subject: { kind: Marker['kind']; id: string };
  /** The marker after the fact (`before` undefined: the first fact of it; undefined: nothing to keep). */
  apply: (before: Marker | undefined) => Marker | undefined;
};

/** The regions a municipality belongs to: itself, its prefecture and every wide-area group it is in. */
export function regionsOf(municipalityCode: string): string[] {
  return [municipalityCode, municipalityCode.slice(0, 2), ...wideAreaGroupsOf(municipalityCode)];
}

/** The prefecture of a region (a group's is the one it lies in). */
function prefectureOfRegion(regionCode: string): string | undefined {
  const r = regionOf(regionCode);
  if (r?.kind === 'group') return wideAreaGroup(regionCode)?.prefectureCode;
  return r ? regionCode.slice(0, 2) : undefined;
}

/**
 * Whether a person counts for a region: they live outside it, by their home municipality, else by their home
 * prefecture (not the region's); someone with neither counts, as "home unknown".
 */
export function livesOutside(home: Home, regionCode: string): boolean {
  if (home.homeMunicipalityCode) return !regionContains(regionCode, home.homeMunicipalityCode);
  if (home.homePrefectureCode) return home.homePrefectureCode !== prefectureOfRegion(regionCode);
  return true;
}

/** The home prefecture a person is shown under, or "unknown". */
export function homeBucket(home: Home): string {
  return home.homeMunicipalityCode?.slice(0, 2) ?? home.homePrefectureCode ?? UNKNOWN_HOME;
}

/** A person as the region sees them now: their profile decides where they live and what they can do. */
const personAsNow = (regionCode: string, person: Person, ties: Record<string, Tie>): PersonMarker => ({
  kind: 'person',
  homeBucket: homeBucket(person),
  counted: livesOutside(person, regionCode),
  skills: [...person.skills].sort(),
  ties,
});

function personChange(regionCode: string, person: Person, tieId: string, tie: Tie | undefined): MarkerChange {
  return {
    regionCode,
    subject: { kind: 'person', id: person.personId },
    apply: (before) => {
      const ties = { ...(before?.kind === 'person' ? before.ties : {}) };
      if (tie) ties[tieId] = tie;
      else delete ties[tieId];
      return personAsNow(regionCode, person, ties);
    },
  };
}

/**
 * A professional's profile changed (home, skills): every region they have ties with counts them anew, all
 * months included, as the rebuild (which reads today's profile) does. Someone who is no longer a
 * professional is not counted at all.
 */
export function profileChanges(person: Person, regionCodes: readonly string[]): MarkerChange[] {
  return regionCodes.map((regionCode) => ({
    regionCode,
    subject: { kind: 'person', id: person.personId },
    apply: (before) => {
      if (before?.kind !== 'person') return undefined;
      const now = personAsNow(regionCode, person, before.ties);
      return person.professional ? now : { ...now, counted: false };
    },
  }));
}

function projectChange(
  regionCode: string,
  projectId: string,
  edit: (m: ProjectMarker) => void,
): MarkerChange {
  return {
    regionCode,
    subject: { kind: 'project', id: projectId },
    apply: (before) => {
      const marker: ProjectMarker =
        before?.kind === 'project'
          ? { ...before, applications: { ...before.applications } }
          : { kind: 'project', applications: {} };
      edit(marker);
      return marker;
    },
  };
}

/** The marker changes one fact makes, in every region it belongs to. */
export function changesOf(fact: Fact): MarkerChange[] {
  const out: MarkerChange[] = [];
  if (fact.kind === 'profile') return out; // its regions are those the person has ties with: profileChanges
  for (const regionCode of regionsOf(fact.municipalityCode)) {
    // Only professionals have ties; where they live decides the marker's `counted`, not whether it is kept.
    const counts = 'person' in fact && fact.person.professional;
    switch (fact.kind) {
      case 'posting':
        out.push(
          projectChange(regionCode, fact.projectId, (m) => {
            m.publishedMonth = fact.publishedMonth;
          }),
        );
        break;
      case 'application': {
        const entry = {
          month: fact.month,
          ...(fact.acceptedMonth ? { acceptedMonth: fact.acceptedMonth } : {}),
        };
        out.push(
          projectChange(regionCode, fact.projectId, (m) => {
            m.applications[fact.applicationId] = entry;
          }),
        );
        if (counts)
          out.push(
            personChange(regionCode, fact.person, `app:${fact.applicationId}`, {
              month: fact.month,
              kind: 'application',
            }),
          );
        break;
      }
      case 'payment':
        out.push({
          regionCode,
          subject: { kind: 'engagement', id: fact.engagementId },
          apply: (before) => ({
            kind: 'engagement',
            paid: {
              ...(before?.kind === 'engagement' ? before.paid : {}),
              [fact.invoiceId]: { month: fact.month, grossJpy: fact.grossJpy },
            },
          }),
        });
        if (counts)
          out.push(
            personChange(regionCode, fact.person, `pay:${fact.invoiceId}`, {
              month: fact.month,
              kind: 'engagement',
            }),
          );
        break;
      case 'attendance':
        if (counts)
          out.push(
            personChange(
              regionCode,
              fact.person,
              `reg:${fact.eventId}`,
              fact.withdrawn
                ? undefined
                : { month: fact.month, kind: 'attendance', visit: fact.visit, tour: fact.tour },
            ),
          );
        break;
    }
  }
  return out;
}

/** Counters by month: month → counter name → value. */
export type MonthCounters = Map<string, Record<string, number>>;

function bump(out: MonthCounters, month: number | string, counter: string, n = 1) {
  if (n === 0) return;
  const key = typeof month === 'number' ? monthAt(month) : month;
  const counters = out.get(key) ?? {};
  counters[counter] = (counters[counter] ?? 0) + n;
  out.set(key, counters);
}

const distinctSorted = (months: string[]) => [...new Set(months.map(monthIndex))].sort((a, b) => a - b);

/** The gap from each month to the one before it in the list (0: the first; capped at 37). */
const gapAt = (months: number[], i: number) =>
  i === 0 ? 0 : Math.min((months[i] as number) - (months[i - 1] as number), OLDER);

function countDistinct(out: MonthCounters, prefix: string, months: number[]) {
  months.forEach((m, i) => {
    bump(out, m, `${prefix}:${gapAt(months, i)}`);
  });
}

function personContribution(p: PersonMarker, out: MonthCounters) {
  if (!p.counted) return;
  const ties = Object.values(p.ties);
  const monthsWhere = (keep: (t: Tie) => boolean) => distinctSorted(ties.filter(keep).map((t) => t.month));
  const all = monthsWhere(() => true);
  all.forEach((m, i) => {
    const gap = gapAt(all, i);
    bump(out, m, `a:${p.homeBucket}:${gap}`);
    for (const skill of p.skills) bump(out, m, `s:${skill}:${gap}`);
    // Active people: counted once, at their second tie month inside the 12-month window. For a window that
    // starts j months before m, that is m when the previous tie month is inside it (gap ≤ j) and the one
    // before that is not.
    const d1 = i >= 1 ? m - (all[i - 1] as number) : Number.POSITIVE_INFINITY;
    const d2 = i >= 2 ? m - (all[i - 2] as number) : Number.POSITIVE_INFINITY;
    for (let j = d1; j < Math.min(d2, ACTIVE_WINDOW_MONTHS); j++) bump(out, m, `act:${j}`);
  });
  const work = monthsWhere((t) => t.kind === 'engagement');
  const visits = monthsWhere((t) => t.visit === true);
  countDistinct(out, 'e', work);
  countDistinct(out, 'v', visits);
  countDistinct(
    out,
    'ev',
    monthsWhere((t) => t.kind === 'engagement' || t.visit === true),
  );
  // Repeat visitors: a visit in a later calendar year than the person's first visit.
  const firstYear = visits.length ? yearOfIndex(visits[0] as number) : 0;
  countDistinct(
    out,
    'r',
    visits.filter((m) => yearOfIndex(m) > firstYear),
  );
  const tours = monthsWhere((t) => t.tour === true);
  if (tours.length) {
    const first = tours[0] as number;
    const within = (t: Tie) =>
      monthIndex(t.month) - first >= 0 && monthIndex(t.month) - first < FUNNEL_MONTHS;
    const applied = ties.some((t) => t.kind === 'application' && within(t));
    bump(out, first, 'f:tour');
    if (applied) bump(out, first, 'f:applied');
    if (applied && ties.some((t) => t.kind === 'engagement' && within(t))) bump(out, first, 'f:engaged');
  }
}

function projectContribution(p: ProjectMarker, out: MonthCounters) {
  const applications = Object.values(p.applications);
  for (const a of applications) {
    bump(out, a.month, 'applications');
    if (a.acceptedMonth) bump(out, a.acceptedMonth, 'matches');
  }
  if (p.publishedMonth) {
    bump(out, p.publishedMonth, 'postings');
    bump(out, p.publishedMonth, 'postingApplications', applications.length);
    if (applications.length) bump(out, p.publishedMonth, 'postingsWithApplications');
  }
}

function engagementContribution(e: EngagementMarker, out: MonthCounters) {
  const paid = Object.values(e.paid);
  for (const p of paid) bump(out, p.month, 'fees', p.grossJpy);
  const months = distinctSorted(paid.map((p) => p.month));
  const start = months[0];
  if (start === undefined) return;
  bump(out, start, 'eng:started');
  for (const k of RETENTION_MONTHS) if (months.includes(start + k)) bump(out, start, `eng:m${k}`);
}

/** What a marker adds to its region's months. */
export function contribution(marker: Marker | undefined, out: MonthCounters = new Map()): MonthCounters {
  if (marker?.kind === 'person') personContribution(marker, out);
  else if (marker?.kind === 'project') projectContribution(marker, out);
  else if (marker?.kind === 'engagement') engagementContribution(marker, out);
  return out;
}

/** after − before, month by month, leaving out what does not change. */
export function delta(before: MonthCounters, after: MonthCounters): MonthCounters {
  const out: MonthCounters = new Map();
  for (const month of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(month) ?? {};
    const a = after.get(month) ?? {};
    for (const counter of new Set([...Object.keys(b), ...Object.keys(a)]))
      bump(out, month, counter, (a[counter] ?? 0) - (b[counter] ?? 0));
  }
  for (const [month, counters] of out) {
    for (const [counter, n] of Object.entries(counters)) if (n === 0) delete counters[counter];
    if (!Object.keys(counters).length) out.delete(month);
  }
  return out;
}

/** Whether two markers say the same (a fact seen twice changes nothing). */
export const sameMarker = (a: Marker | undefined, b: Marker | undefined) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/** The rebuild job's log message when the stream-fed figures differ from their sources: CDK alarms on it. */
export const FIGURES_DIFFER = 'relationship population differs from its sources';
