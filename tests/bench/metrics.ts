import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Profile } from '#shared/accounts/rules.ts';
import { userItem } from '#shared/accounts/user.entity.ts';
import { applicationKeys } from '#shared/applications/application.entity.ts';
import { ledgerKeys } from '#shared/billing/ledger.entity.ts';
import type { KakehashiEvent } from '#shared/events/event.entity.ts';
import { eventKeys, ZERO_COUNTERS } from '#shared/events/event.entity.ts';
import { registrationKeys } from '#shared/events/registration.entity.ts';
import { figures, monthsToRead, type Period } from '#shared/metrics/figures.ts';
import { metrics, metricsKeys, type Subject } from '#shared/metrics/metrics.entity.ts';
import { addMonths, monthIndex, monthOf } from '#shared/metrics/months.ts';
import { differences, fold as rebuildFold } from '#shared/metrics/rebuild.ts';
import {
  changesOf,
  contribution,
  type Fact,
  type Marker,
  type MonthCounters,
  type Person,
} from '#shared/metrics/rules.ts';
import { projectItem } from '#shared/projects/project.entity.ts';
import { municipalitiesOf } from '#shared/regions/index.ts';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import { ensureTable, startDynamoDb } from '../../infra/local/dynamodb.ts';
import { freePort } from '../../infra/local/ports.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { syntheticProject } from '../../scripts/seed-projects.ts';
import { idToken } from './get-me.ts';
import { interleavedAll, ms, percentile, ratio } from './stats.ts';

/**
 * Relationship population (関係人口, BRIEF 2.5, issue 10), in one run of one local cloud:
 *  1. the page (`GET /v1/regions/{code}/relationship-population`) at 1,000 and at 1,000,000 activities: the
 *     month items it reads and their read capacity units (`metrics.months`, ReturnConsumedCapacity TOTAL), and
 *     its latency through the local gateway with the staff token of the prefecture, interleaved;
 *  2. the stream consumer's throughput: tie records written straight into the table, timed until the
 *     consumer (fed by the local stream poller) has counted every one of them;
 *  3. the rebuild (`rebuildMetrics()`, check mode) over 100,000 activities in a table of their own.
 *
 * The 1,000 activities are real source records (projects, applications, paid ledger rows, checked-in
 * registrations, with their users and events) counted by the real stream consumer. The 1,000,000 are not
 * streamed — the consumer counts a few dozen ties a second on this machine, so a million would take hours —
 * but generated as `Fact`s by the same generator and folded into markers with `changesOf` and `contribution`
 * exactly as `rebuildMetrics()` does, and the resulting month items written with BatchWriteItem in the item
 * shape `rebuiltMetrics.replaceAll` writes, into a municipality nothing else uses. That the generator's facts are the
 * facts `factsOf` reads from its records is checked on the 1,000: both fold to the same months.
 */

// ---------------------------------------------------------------------------------------------------------
// Regions (all in Tottori, so the prefecture's staff read every one of them; the demo data is in 湯梨浜町)

const REGION_1K = '31371'; // 琴浦町: 1,000 activities, streamed
const REGION_1M = '31386'; // 大山町: 1,000,000 activities, folded and written as month items
const REGION_TIES = '31372'; // 北栄町: the throughput run
const STAFF = 'staff@demo.kakehashi.jp'; // 鳥取県 staff (region 31)
/** The rebuild's activities: every municipality of the demo prefectures (Hokkaido, Akita, Nagano, Mie, Tottori, Kagoshima with 奄美). */
const REBUILD_PREFECTURES = ['01', '05', '20', '24', '31', '46'];

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
function uuid(rng: Rng): string {
  const hex = [rng(), rng(), rng(), rng()]
    .map((x) =>
      Math.floor(x * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((n, [, w]) => n + w, 0);
  return (rng) => {
    let r = rng() * total;
    for (const [item, w] of entries) {
      r -= w;
      if (r < 0) return item;
    }
    return entries[entries.length - 1]?.[0] as T;
  };
}

/** Where the professionals live: the big cities first (every one of the 47 prefectures appears). */
const HOME = weighted<string>(
  Array.from({ length: 47 }, (_, i) => {
    const code = String(i + 1).padStart(2, '0');
    const big: Record<string, number> = {
      '13': 30,
      '14': 12,
      '27': 10,
      '11': 8,
      '12': 7,
      '23': 6,
      '28': 5,
      '40': 4,
    };
    return [code, big[code] ?? 1] as const;
  }),
);
/** About twenty skills, the common ones far more common. */
const SKILLS = [
  'marketing',
  'dx',
  'web',
  'design',
  'sns',
  'ec',
  'data',
  'sales',
  'pr',
  'accounting',
  'hiring',
  'tourism',
  'furusato-nozei',
  'product-development',
  'video',
  'translation',
  'inbound',
  'engineering',
  'legal',
  'agriculture',
] as const;
const SKILL = weighted<string>(SKILLS.map((s, i) => [s, 1 / (i + 1)] as const));

// ---------------------------------------------------------------------------------------------------------
// The generator: people, firms, projects, events and engagements, and `activities` ties among them

type GPerson = Person;
type GFirm = { id: string; municipalityCode: string };
type GProject = { id: string; firm: GFirm; publishedMonth: string };
type GEvent = { id: string; municipalityCode: string; kind: 'tour' | 'seminar'; month: string; day: number };
export type GTie =
  | {
      kind: 'application';
      id: string;
      project: GProject;
      person: GPerson;
      month: string;
      acceptedMonth?: string;
    }
  | {
      kind: 'payment';
      invoiceId: string;
      engagementId: string;
      firm: GFirm;
      person: GPerson;
      month: string;
      grossJpy: number;
    }
  | { kind: 'attendance'; event: GEvent; person: GPerson; visit: boolean };

type World = { people: GPerson[]; firms: GFirm[]; projects: GProject[]; events: GEvent[] };
export const newWorld = (): World => ({ people: [], firms: [], projects: [], events: [] });

/**
 * A world of `activities` ties over the 36 months ending with `last`, in the municipalities `places`:
 * people ≈ activities / 5 (a fifth of them doing most of it), homes over the 47 prefectures (about half with
 * a municipality, 5 % unknown), 1–4 of twenty skills each, 45 % applications (≈ 11 to a posting, 10 %
 * accepted), 35 % paid months (engagements of ≈ 6 consecutive months), 20 % check-ins (tours at the venue,
 * seminars at the venue or online). Activity grows over the three years. Yields every tie once; `world`
 * receives the people and firms at once, each posting and event as it is made.
 */
export function* generate(
  opts: { activities: number; places: readonly string[]; last: string; seed: number },
  world: World,
): Generator<GTie> {
  const rng = mulberry32(opts.seed);
  const first = addMonths(opts.last, -35);
  const monthAt = weighted(Array.from({ length: 36 }, (_, i) => [addMonths(first, i), 1 + i / 24] as const));
  /** Months from `m` to `last`. */
  const monthsFrom = (m: string) => Math.max(0, monthIndex(opts.last) - monthIndex(m));
  const people: GPerson[] = Array.from({ length: Math.max(10, Math.round(opts.activities / 5)) }, () => {
    const id = uuid(rng);
    const r = rng();
    const home: { homePrefectureCode?: string; homeMunicipalityCode?: string } = {};
    if (r >= 0.05) {
      const pref = HOME(rng);
      home.homePrefectureCode = pref;
      if (r < 0.5) home.homeMunicipalityCode = pick(rng, municipalitiesOf(pref) ?? []).code;
    }
    const skills = new Set<string>();
    const n = between(rng, 1, 4);
    while (skills.size < n) skills.add(SKILL(rng));
    return { personId: id, professional: true, skills: [...skills], ...home };
  });
  world.people = people;
  const core = Math.max(1, Math.floor(people.length / 5));
  const someone = () =>
    people[rng() < 0.6 ? Math.floor(rng() * core) : Math.floor(rng() * people.length)] as GPerson;
  const firms: GFirm[] = opts.places.flatMap((municipalityCode) =>
    Array.from({ length: opts.places.length > 1 ? 3 : 12 }, () => ({ id: uuid(rng), municipalityCode })),
  );
  world.firms = firms;
  const { projects, events } = world;
  let left = opts.activities;
  const budget = {
    payment: Math.round(opts.activities * 0.35),
    attendance: Math.round(opts.activities * 0.2),
  };
  budget.payment = Math.min(budget.payment, left);
  // Paid months: engagements of consecutive months, ≈ 6 on average, from a start month to at most `last`.
  for (let paid = 0; paid < budget.payment; ) {
    const firm = pick(rng, firms);
    const person = someone();
    const start = monthAt(rng);
    const length = Math.min(1 + monthsFrom(start), 1 + Math.floor(-Math.log(1 - rng()) * 5));
    const engagementId = uuid(rng);
    const grossJpy = between(rng, 5, 30) * 10_000;
    for (let k = 0; k < length && paid < budget.payment; k++, paid++)
      yield {
        kind: 'payment',
        invoiceId: `in_${uuid(rng).replaceAll('-', '').slice(0, 24)}`,
        engagementId,
        firm,
        person,
        month: addMonths(start, k),
        grossJpy,
      };
  }
  left -= budget.payment;
  budget.attendance = Math.min(budget.attendance, left);
  // Check-ins: tours (at the venue) and seminars (at the venue or online), each person once per event.
  for (let attended = 0; attended < budget.attendance; ) {
    const tour = rng() < 0.35;
    const event: GEvent = {
      id: uuid(rng),
      municipalityCode: pick(rng, opts.places),
      kind: tour ? 'tour' : 'seminar',
      month: monthAt(rng),
      day: between(rng, 1, 26),
    };
    events.push(event);
    const seats = Math.min(people.length, tour ? between(rng, 5, 25) : between(rng, 10, 60));
    const came = new Set<GPerson>();
    while (came.size < seats && attended < budget.attendance) {
      const person = someone();
      if (came.has(person)) continue;
      came.add(person);
      attended++;
      yield { kind: 'attendance', event, person, visit: tour || rng() < 0.5 };
    }
  }
  left -= budget.attendance;
  // Applications: to postings published in the month or up to two months before, ≈ 11 to a posting.
  for (let applied = 0; applied < left; ) {
    const firm = pick(rng, firms);
    const project: GProject = { id: uuid(rng), firm, publishedMonth: monthAt(rng) };
    projects.push(project);
    const applicants = Math.min(people.length, 1 + Math.floor(-Math.log(1 - rng()) * 10));
    const who = new Set<GPerson>();
    while (who.size < applicants && applied < left) {
      const person = someone();
      if (who.has(person)) continue;
      who.add(person);
      applied++;
      const month = addMonths(
        project.publishedMonth,
        Math.min(monthsFrom(project.publishedMonth), between(rng, 0, 2)),
      );
      const accepted = rng() < 0.1;
      yield {
        kind: 'application',
        id: uuid(rng),
        project,
        person,
        month,
        ...(accepted
          ? { acceptedMonth: addMonths(month, Math.min(monthsFrom(month), between(rng, 0, 1))) }
          : {}),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Facts (what factsOf reads from the records) and the fold (rebuild.ts's)

export function factOf(tie: GTie): Fact {
  switch (tie.kind) {
    case 'application':
      return {
        kind: 'application',
        applicationId: tie.id,
        projectId: tie.project.id,
        municipalityCode: tie.project.firm.municipalityCode,
        person: tie.person,
        month: tie.month,
        ...(tie.acceptedMonth ? { acceptedMonth: tie.acceptedMonth } : {}),
      };
    case 'payment':
      return {
        kind: 'payment',
        invoiceId: tie.invoiceId,
        engagementId: tie.engagementId,
        municipalityCode: tie.firm.municipalityCode,
        person: tie.person,
        month: tie.month,
        grossJpy: tie.grossJpy,
      };
    case 'attendance':
      return {
        kind: 'attendance',
        eventId: tie.event.id,
        municipalityCode: tie.event.municipalityCode,
        person: tie.person,
        month: tie.event.month,
        visit: tie.visit,
        tour: tie.event.kind === 'tour',
      };
  }
}

export const postingOf = (p: GProject): Fact => ({
  kind: 'posting',
  projectId: p.id,
  municipalityCode: p.firm.municipalityCode,
  publishedMonth: p.publishedMonth,
});

/** Lets the event loop run: the local cloud (gateway, stream poller) shares this process with the folds. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Folds facts into markers and the markers into month counters, as `rebuildMetrics()` does. */
export function fold(only?: string) {
  const markers = new Map<string, { regionCode: string; subject: Subject; marker: Marker }>();
  let changes = 0;
  return {
    add(fact: Fact) {
      for (const change of changesOf(fact)) {
        if (only && change.regionCode !== only) continue;
        changes++;
        const key = `${change.regionCode}\u0000${change.subject.kind}\u0000${change.subject.id}`;
        const marker = change.apply(markers.get(key)?.marker);
        if (marker) markers.set(key, { regionCode: change.regionCode, subject: change.subject, marker });
      }
    },
    async result() {
      const months = new Map<string, MonthCounters>();
      let i = 0;
      for (const { regionCode, marker } of markers.values()) {
        months.set(regionCode, contribution(marker, months.get(regionCode) ?? new Map()));
        if (++i % 2_000 === 0) await breathe();
      }
      return { months, markers: markers.size, changes };
    },
  };
}

/** Folds the facts of generated ties (and hands each tie to `also`), letting the event loop run. */
async function foldTies(ties: Iterable<GTie>, into: ReturnType<typeof fold>, also?: (tie: GTie) => void) {
  let i = 0;
  for (const tie of ties) {
    into.add(factOf(tie));
    also?.(tie);
    if (++i % 2_000 === 0) await breathe();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Source records, as the product writes them

type Item = Record<string, unknown>;
const DAY = 86_400_000;
/** An instant in `month` (Japan time), on day `day` at 12:00 JST. */
const inMonth = (month: string, day: number, minutes = 0) =>
  new Date(Date.parse(`${month}-${String(day).padStart(2, '0')}T03:00:00Z`) + minutes * 60_000).toISOString();

export function supportItems(world: World, seed: number): Item[] {
  const rng = mulberry32(seed ^ 0x5eed);
  const created = new Date(Date.now() - 4 * 365 * DAY).toISOString();
  const out: Item[] = [];
  for (const p of world.people) {
    const profile = {
      userId: p.personId,
      role: 'professional',
      displayName: `ベンチ ${p.personId.slice(0, 6)}`,
      skills: p.skills,
      ...(p.homePrefectureCode ? { homePrefectureCode: p.homePrefectureCode } : {}),
      ...(p.homeMunicipalityCode ? { homeMunicipalityCode: p.homeMunicipalityCode } : {}),
    } as Profile;
    out.push(userItem(profile, created));
  }
  for (const f of world.firms) {
    const profile = {
      userId: f.id,
      role: 'firm',
      displayName: `担当 ${f.id.slice(0, 4)}`,
      organizationName: `ベンチ商店 ${f.id.slice(0, 4)}`,
      municipalityCode: f.municipalityCode,
    } as Profile;
    out.push(userItem(profile, created));
  }
  world.projects.forEach((p, i) => {
    const base = syntheticProject(seed, i, Date.now(), 'brief');
    const publishedAt = inMonth(p.publishedMonth, between(rng, 1, 10));
    out.push(
      projectItem({
        ...base,
        id: p.id,
        firmId: p.firm.id,
        municipalityCode: p.firm.municipalityCode,
        prefectureCode: p.firm.municipalityCode.slice(0, 2),
        // Closed since: a closed posting has no listing entries, so the catalogue the browse bench reads is
        // not touched; it still counts as a posting of the month it was published.
        status: 'closed',
        createdAt: new Date(Date.parse(publishedAt) - 3 * DAY).toISOString(),
        updatedAt: publishedAt,
        publishedAt,
        closedAt: publishedAt,
      }),
    );
  });
  for (const e of world.events) {
    const startsAt = inMonth(e.month, e.day);
    const event: KakehashiEvent = {
      ...ZERO_COUNTERS,
      id: e.id,
      kind: e.kind,
      title: e.kind === 'tour' ? '関係人口ベンチ 現地ツアー' : '関係人口ベンチ セミナー',
      description: 'ベンチマーク用のイベントです。',
      municipalityCode: e.municipalityCode,
      venueName: '公民館',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
      signupDeadline: new Date(Date.parse(startsAt) - DAY).toISOString(),
      venueCapacity: 60,
      onlineCapacity: e.kind === 'tour' ? 0 : 60,
      feeJpy: 0,
      selection: 'first_come',
      childcare: false,
      status: 'published',
      prefectureCode: e.municipalityCode.slice(0, 2),
      regionCode: e.municipalityCode.slice(0, 2),
      createdBy: 'bench',
      claimWindowHours: 24,
      refundDaysBefore: 3,
      createdAt: new Date(Date.parse(startsAt) - 30 * DAY).toISOString(),
      updatedAt: startsAt,
      publishedAt: new Date(Date.parse(startsAt) - 30 * DAY).toISOString(),
    };
    out.push({
      ...event,
      ...eventKeys.primary(e.id),
      ...eventKeys.byPrefecture(event),
      ...eventKeys.byMunicipality(event),
      ...eventKeys.published(event),
      type: 'Event',
    });
  }
  return out;
}

/** The record of a tie, as the product stores it (keys, type tag, the fields the product writes). */
export function tieItem(tie: GTie, rng: Rng): Item {
  switch (tie.kind) {
    case 'application': {
      const createdAt = inMonth(tie.month, between(rng, 1, 27), between(rng, 0, 600));
      const decidedAt = tie.acceptedMonth ? inMonth(tie.acceptedMonth, 28) : undefined;
      const a = {
        id: tie.id,
        projectId: tie.project.id,
        firmId: tie.project.firm.id,
        professionalId: tie.person.personId,
        proposal: '御社の課題に、これまでの経験を活かしてお手伝いできます。',
        status: tie.acceptedMonth ? 'accepted' : pick(rng, ['submitted', 'shortlisted', 'declined'] as const),
        ...(tie.acceptedMonth ? { engagementId: uuid(rng), decidedAt } : {}),
        createdAt,
        updatedAt: decidedAt ?? createdAt,
      };
      return {
        ...a,
        ...applicationKeys.primary(a.id),
        ...applicationKeys.byProject(a),
        ...applicationKeys.byProfessional(a),
        type: 'Application',
      };
    }
    case 'payment': {
      const at = inMonth(tie.month, between(rng, 1, 27));
      const platformFeeJpy = Math.round(tie.grossJpy * 0.1);
      const row = {
        engagementId: tie.engagementId,
        invoiceId: tie.invoiceId,
        professionalId: tie.person.personId,
        firmId: tie.firm.id,
        title: '関係人口ベンチ 継続支援',
        firmName: `ベンチ商店 ${tie.firm.id.slice(0, 4)}`,
        workType: 'consulting',
        status: 'paid' as const,
        periodStart: inMonth(tie.month, 1),
        periodEnd: inMonth(addMonths(tie.month, 1), 1),
        at,
        hostedInvoiceUrl: null,
        grossJpy: tie.grossJpy,
        platformFeeJpy,
        feeTaxJpy: Math.floor((platformFeeJpy * 10) / 110),
        netJpy: tie.grossJpy - platformFeeJpy,
        createdAt: at,
        updatedAt: at,
      };
      return { ...row, ...ledgerKeys.primary(row), ...ledgerKeys.earnings(row), type: 'LedgerRow' };
    }
    case 'attendance': {
      const checkedInAt = inMonth(tie.event.month, tie.event.day, 5);
      const r = {
        id: uuid(rng),
        eventId: tie.event.id,
        userId: tie.person.personId,
        attendance: tie.visit ? 'venue' : 'online',
        status: 'confirmed',
        checkedInAt,
        createdAt: new Date(Date.parse(checkedInAt) - 10 * DAY).toISOString(),
        updatedAt: checkedInAt,
      };
      return {
        ...r,
        ...registrationKeys.primary(r.eventId, r.userId),
        ...registrationKeys.byPerson(r),
        type: 'Registration',
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export function documentClient(endpoint: string) {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 10,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

/** BatchWriteItem, 25 items a call, `concurrency` calls in flight, unprocessed items retried. */
export async function writeAll(
  client: DynamoDBDocumentClient,
  table: string,
  items: Item[],
  opts: { concurrency?: number; label?: string } = {},
) {
  const started = performance.now();
  let next = 0;
  let done = 0;
  let reported = 0;
  const progress = () => {
    const s = (performance.now() - started) / 1000;
    process.stderr.write(
      `  ${opts.label}: ${done.toLocaleString('en')}/${items.length.toLocaleString('en')} items, ${Math.round(done / Math.max(s, 0.001)).toLocaleString('en')}/s, ${s.toFixed(0)} s\n`,
    );
  };
  await Promise.all(
    Array.from({ length: opts.concurrency ?? 8 }, async () => {
      while (next < items.length) {
        const batch = items.slice(next, next + 25);
        next += 25;
        let pending: Item[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt === 12) throw new Error(`${pending.length} items left unprocessed after 12 attempts`);
          if (attempt) await new Promise((r) => setTimeout(r, Math.min(2_000, 25 * 2 ** attempt)));
          const out: BatchWriteCommandOutput = await client.send(
            new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
          );
          pending = out.UnprocessedItems?.[table] as Item[] | undefined;
        }
        done += batch.length;
        if (opts.label && performance.now() - reported > 10_000) {
          reported = performance.now();
          progress();
        }
      }
    }),
  );
  if (opts.label) progress();
  return (performance.now() - started) / 1000;
}

/** The stored months of a region from `first` to `last` against the expected ones: the differences. */
async function stillDiffering(region: string, expected: MonthCounters, first: string, last: string) {
  const stored = await metrics.months(region, first, last);
  return differences(new Map([[region, stored.months]]), new Map([[region, expected]]));
}

/** Polls until the stream consumer's months for `region` equal `expected`, or `deadlineMs` passes. */
async function settle(
  region: string,
  expected: MonthCounters,
  first: string,
  last: string,
  deadlineMs: number,
) {
  const started = performance.now();
  for (;;) {
    const left = await stillDiffering(region, expected, first, last);
    if (!left.length) return { seconds: (performance.now() - started) / 1000, settled: true, left: 0 };
    if (performance.now() - started > deadlineMs)
      return {
        seconds: (performance.now() - started) / 1000,
        settled: false,
        left: left.length,
        first: left[0],
      };
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Item sizes, by DynamoDB's rule (name bytes + value bytes; a number is ≈ 1 + its digits / 2)

const bytes = (s: string) => Buffer.byteLength(s);
function itemSize(counters: Record<string, number>, region: string, month: string) {
  let n =
    bytes(`METRICS#${region}`) +
    bytes(`MONTH#${month}`) +
    4 +
    4 +
    4 +
    11 +
    4 +
    bytes(region) +
    5 +
    7 +
    9 +
    24;
  for (const [k, v] of Object.entries(counters))
    n += bytes(k) + 1 + Math.ceil(String(Math.abs(v)).length / 2);
  return n;
}

function monthItemShape(months: MonthCounters, region: string) {
  const sizes = [...months].map(([m, c]) => itemSize(c, region, m));
  const counters = [...months.values()].map((c) => Object.keys(c).length);
  return {
    items: months.size,
    meanKB: sizes.reduce((a, b) => a + b, 0) / Math.max(sizes.length, 1) / 1024,
    maxKB: Math.max(0, ...sizes) / 1024,
    meanCounters: counters.reduce((a, b) => a + b, 0) / Math.max(counters.length, 1),
    maxCounters: Math.max(0, ...counters),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The rebuild, in a process of its own pointed at a table of its own

/** `node tests/bench/metrics.ts rebuild`: runs `rebuildMetrics()` (check mode) on TABLE_NAME, prints JSON. */
if (import.meta.main && process.argv[2] === 'rebuild') {
  const { rebuildMetrics } = await import('#shared/metrics/rebuild.ts');
  const started = performance.now();
  const result = await rebuildMetrics({ repair: false });
  const seconds = (performance.now() - started) / 1000;
  const memoryMB = process.memoryUsage().rss / 2 ** 20;
  console.log(
    JSON.stringify({ ...result, firstDifferences: result.firstDifferences.slice(0, 3), seconds, memoryMB }),
  );
  process.exit(0);
}

function rebuildInChild(endpoint: string, table: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'rebuild'], {
      env: { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: endpoint, TABLE_NAME: table },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`rebuild process exited ${code}: ${out}`));
      resolve(JSON.parse(line));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The section

const n = (x: number) => Math.round(x).toLocaleString('en');
const since = (t: number) => (performance.now() - t) / 1000;
type Reads = { items: number; readUnits: number };

export type MetricsBenchOptions = {
  /** Activities of the streamed size, of the folded size, ties of the throughput run, activities rebuilt. */
  small: number;
  large: number;
  ties: number;
  rebuild: number;
  /** Interleaved rounds of the page's latency. */
  rounds: number;
};

export const METRICS_BENCH_DEFAULTS: MetricsBenchOptions = {
  small: Number(process.env.BENCH_METRICS_SMALL ?? 1_000),
  large: Number(process.env.BENCH_METRICS_LARGE ?? 1_000_000),
  ties: Number(process.env.BENCH_METRICS_TIES ?? 2_000),
  rebuild: Number(process.env.BENCH_METRICS_REBUILD ?? 100_000),
  rounds: Number(process.env.BENCH_METRICS_ROUNDS ?? 100),
};

/** Runs the section against the running local cloud; returns its markdown block. */
export async function measureRelationshipPopulation(
  cloud: LocalCloud,
  opts: MetricsBenchOptions = METRICS_BENCH_DEFAULTS,
): Promise<string> {
  const sectionStarted = performance.now();
  const client = documentClient(cloud.dynamodbEndpoint);
  const table = cloud.tableName;
  const thisMonth = monthOf(new Date().toISOString());
  const last = addMonths(thisMonth, -1);
  const p36: Period = { from: addMonths(last, -35), to: last };
  const p12: Period = { from: addMonths(last, -11), to: last };
  const wrong: string[] = [];
  const staff = await idToken(cloud, STAFF, DEMO_PASSWORD);
  // The rebuild's table is in a DynamoDB Local of its own, started for it: a fresh local cloud's database.
  const fresh = await startDynamoDb(await freePort());

  // --- Set-up, the three at once (none of it is what is measured) ------------------------------------
  console.log(
    `Relationship population: ${n(opts.small)} activities through the stream, ${n(opts.large)} folded, ${n(opts.rebuild)} into a table for the rebuild, at once…`,
  );

  /** 1,000 activities: real records, counted by the real stream consumer. */
  const streamSmall = async () => {
    const world = newWorld();
    const ties = [...generate({ activities: opts.small, places: [REGION_1K], last, seed: 1 }, world)];
    const support = supportItems(world, 1);
    const rng = mulberry32(11);
    const items = ties.map((t) => tieItem(t, rng));
    // What the consumer must end with: the rebuild's own fold of the records (rebuild.ts `fold`).
    const expected = (await rebuildFold([...support, ...items])).months.get(REGION_1K) ?? new Map();
    // The generator's own facts (what the 1,000,000 are made of) must fold to the same months.
    const fromGenerator = fold(REGION_1K);
    for (const p of world.projects) fromGenerator.add(postingOf(p));
    await foldTies(ties, fromGenerator);
    const generated = (await fromGenerator.result()).months.get(REGION_1K) ?? new Map();
    const sameFacts = !differences(new Map([[REGION_1K, generated]]), new Map([[REGION_1K, expected]]))
      .length;
    const started = performance.now();
    await writeAll(client, table, support);
    await writeAll(client, table, items);
    const settled = await settle(REGION_1K, expected, p36.from, p36.to, 8 * 60_000);
    const seconds = since(started);
    console.log(`  ${n(opts.small)}: counted by the stream in ${seconds.toFixed(1)} s`);
    return { world, expected, sameFacts, settled, seconds };
  };

  /** 1,000,000 activities: the same generator's facts, folded as the rebuild folds them. */
  const foldLarge = async () => {
    const started = performance.now();
    const world = newWorld();
    const into = fold(REGION_1M);
    await foldTies(generate({ activities: opts.large, places: [REGION_1M], last, seed: 2 }, world), into);
    for (const p of world.projects) into.add(postingOf(p));
    const result = await into.result();
    const months = result.months.get(REGION_1M) ?? new Map();
    const seconds = since(started);
    console.log(
      `  ${n(opts.large)}: ${n(result.changes)} marker changes into ${n(result.markers)} markers in ${seconds.toFixed(1)} s`,
    );
    return { world, months, changes: result.changes, markers: result.markers, seconds };
  };

  /** 100,000 activities in many regions, in a fresh DynamoDB Local (its stream off: nothing reads it). */
  const prepareRebuild = async () => {
    await ensureTable(fresh.client, table);
    await fresh.client.send(
      new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: false } }),
    );
    const places = REBUILD_PREFECTURES.flatMap((pref) => (municipalitiesOf(pref) ?? []).map((m) => m.code));
    const world = newWorld();
    const rng = mulberry32(44);
    const ties: Item[] = [];
    const into = fold();
    await foldTies(generate({ activities: opts.rebuild, places, last, seed: 4 }, world), into, (t) =>
      ties.push(tieItem(t, rng)),
    );
    for (const p of world.projects) into.add(postingOf(p));
    const support = supportItems(world, 4);
    // The months the stream consumer would have kept of these records (the item shape of rebuiltMetrics.replaceAll),
    // so the check compares like with like and should find nothing. Not the markers: the rebuild does not read
    // them, and writing ≈ 1.3 of them per activity would double the time it takes to set the table up.
    const kept = await into.result();
    const stamp = new Date().toISOString();
    const months: Item[] = [...kept.months].flatMap(([regionCode, byMonth]) =>
      [...byMonth].map(([month, counters]) => ({
        ...metricsKeys.month(regionCode, month),
        type: 'MetricsMonth',
        regionCode,
        month,
        updatedAt: stamp,
        ...counters,
      })),
    );
    const records = [...support, ...ties];
    const seconds = await writeAll(documentClient(fresh.endpoint), table, [...records, ...months], {
      concurrency: 8,
      label: `rebuild's table (${n(opts.rebuild)} activities)`,
    });
    return {
      records,
      places: places.length,
      sources: ties.length + world.projects.length,
      items: support.length + ties.length + months.length,
      months: months.length,
      markers: kept.markers,
      seconds,
    };
  };

  try {
    const [small, large, prepared] = await Promise.all([streamSmall(), foldLarge(), prepareRebuild()]);
    if (!small.sameFacts) wrong.push("the generator's facts do not fold to the months its records fold to");
    if (!small.settled.settled)
      wrong.push(
        `${n(opts.small)}: the stream's months still differ from the records' after ${small.seconds.toFixed(0)} s (${small.settled.left} counters, e.g. ${JSON.stringify(small.settled.first)})`,
      );
    const at = new Date().toISOString();
    await writeAll(
      client,
      table,
      [...large.months].map(([month, counters]) => ({
        ...metricsKeys.month(REGION_1M, month),
        type: 'MetricsMonth',
        regionCode: REGION_1M,
        month,
        updatedAt: at,
        ...counters,
      })),
      { concurrency: 2 },
    );
    if ((await stillDiffering(REGION_1M, large.months, p36.from, p36.to)).length)
      wrong.push(`${n(opts.large)}: the month items read back differ from the fold`);
    console.log(`  set-up done in ${since(sectionStarted).toFixed(0)} s`);

    // --- 1. The page: items and read units, its answers, its latency -----------------------------------
    const periods = [
      { label: '36 months', period: p36 },
      { label: '12 months', period: p12 },
    ];
    const sizes = [
      { label: n(opts.small), region: REGION_1K, months: small.expected as MonthCounters },
      { label: n(opts.large), region: REGION_1M, months: large.months as MonthCounters },
    ];
    const url = (region: string, p: Period) =>
      `${cloud.url}/v1/regions/${region}/relationship-population?from=${p.from}&to=${p.to}`;
    const headers = { authorization: `Bearer ${staff}` };
    const reads = new Map<string, Reads>();
    const answers = new Map<string, Record<string, any>>();
    for (const s of sizes) {
      for (const c of periods) {
        const { first, last: end } = monthsToRead(c.period);
        const r = await metrics.months(s.region, first, end);
        reads.set(`${s.region} ${c.label}`, { items: r.items, readUnits: r.readUnits });
        const res = await fetch(url(s.region, c.period), { headers });
        if (res.status !== 200) throw new Error(`GET ${url(s.region, c.period)} answered ${res.status}`);
        const api = (await res.json()) as Record<string, any>;
        answers.set(`${s.region} ${c.label}`, api);
        // The answer must be figures() of the months the region holds.
        const want = figures(s.months, c.period, thisMonth);
        const got: Record<string, unknown> = {
          ...api,
          byHomePrefecture: api.byHomePrefecture.map(
            ({ prefectureName, prefectureNameEn, ...cell }: any) => cell,
          ),
        };
        for (const [key, value] of Object.entries(want))
          if (JSON.stringify(got[key]) !== JSON.stringify(value))
            wrong.push(`${s.label}, ${c.label}: the API's ${key} is not figures() of the months`);
      }
    }
    console.log(`Timing the page, ${opts.rounds} interleaved rounds…`);
    const fns = sizes.flatMap((s) => [
      ...periods.map((c) => async () => {
        const res = await fetch(url(s.region, c.period), { headers });
        if (res.status !== 200) throw new Error(`GET ${url(s.region, c.period)} answered ${res.status}`);
        await res.arrayBuffer();
      }),
      ...periods.map((c) => () => {
        const { first, last: end } = monthsToRead(c.period);
        return metrics.months(s.region, first, end);
      }),
    ]);
    await interleavedAll(10, fns); // warm-up: JIT, connections, DynamoDB Local's pages
    const timings = await interleavedAll(opts.rounds, fns);
    const timed = (size: number, kind: 'api' | 'query', period: number) =>
      timings[size * 4 + (kind === 'api' ? 0 : 2) + period] as number[];

    // --- 2. Stream consumer throughput -----------------------------------------------------------------
    console.log(`Stream throughput: ${n(opts.ties)} tie records…`);
    const tpWorld = newWorld();
    const tpTies = [...generate({ activities: opts.ties, places: [REGION_TIES], last, seed: 3 }, tpWorld)];
    const tpSupport = supportItems(tpWorld, 3);
    const rng3 = mulberry32(33);
    const tpItems = tpTies.map((x) => tieItem(x, rng3));
    // Users, postings and events first, counted before the clock starts: the clock is for the ties.
    const postings = fold(REGION_TIES);
    for (const pr of tpWorld.projects) postings.add(postingOf(pr));
    await writeAll(client, table, tpSupport);
    const before = await settle(
      REGION_TIES,
      (await postings.result()).months.get(REGION_TIES) ?? new Map(),
      p36.from,
      p36.to,
      5 * 60_000,
    );
    if (!before.settled) wrong.push('throughput: the postings were not all counted before the clock started');
    const all = fold();
    for (const pr of tpWorld.projects) all.add(postingOf(pr));
    const postingChanges = (await all.result()).changes;
    await foldTies(tpTies, all);
    const tpFold = await all.result();
    const tieChanges = tpFold.changes - postingChanges;
    const tpStarted = performance.now();
    const tpWriteSeconds = await writeAll(client, table, tpItems);
    const tp = await settle(
      REGION_TIES,
      tpFold.months.get(REGION_TIES) ?? new Map(),
      p36.from,
      p36.to,
      8 * 60_000,
    );
    const tpSeconds = since(tpStarted);
    if (!tp.settled)
      wrong.push(`throughput: ${tp.left} counters still differ after ${tpSeconds.toFixed(0)} s`);
    const tiesPerSecond = opts.ties / tpSeconds;
    console.log(`  ${n(opts.ties)} ties counted in ${tpSeconds.toFixed(1)} s`);

    // --- 3. The rebuild ----------------------------------------------------------------------------------
    console.log('Rebuild: rebuildMetrics() (check mode) in a process of its own…');
    const rebuild = await rebuildInChild(fresh.endpoint, table);
    if (rebuild.differences)
      wrong.push(
        `rebuild: ${rebuild.differences} differences, e.g. ${JSON.stringify(rebuild.firstDifferences)}`,
      );
    const per100k = (rebuild.seconds / opts.rebuild) * 100_000;
    // The same fold on the same records, in memory: what of the rebuild is not DynamoDB's Scans.
    const foldStarted = performance.now();
    await rebuildFold(prepared.records);
    const foldSeconds = since(foldStarted);
    const scanSeconds = Math.max(rebuild.seconds - foldSeconds, 0);
    console.log(
      `  ${rebuild.seconds.toFixed(1)} s (its fold alone ${foldSeconds.toFixed(1)} s); the section took ${since(sectionStarted).toFixed(0)} s`,
    );

    // --- The record --------------------------------------------------------------------------------------
    const out: string[] = [];
    const say = (line = '') => out.push(line);
    const shapeSmall = monthItemShape(small.expected, REGION_1K);
    const shapeLarge = monthItemShape(large.months, REGION_1M);
    const sw = small.world;
    const lw = large.world;
    say(
      `**Relationship population (関係人口, issue 10)** (\`tests/bench/metrics.ts\`). The region page \`GET /v1/regions/{code}/relationship-population\` reads the region's month items of the period (and of the 12 months ending with it) with one Query. **${n(opts.small)} activities** (${REGION_1K} 琴浦町): real source records — ${n(sw.people.length)} professionals, ${n(sw.firms.length)} firms, ${n(sw.projects.length)} postings, ${n(sw.events.length)} events, then the ${n(opts.small)} applications, paid ledger rows and check-ins — written into the table and counted by the real stream consumer (record-ties, fed by the local stream poller) in ${small.seconds.toFixed(0)} s (while the rest was being set up), until its month items equalled what \`rebuildMetrics()\`'s fold makes of the same records${small.settled.settled ? '' : ' — **they did not**'}. **${n(opts.large)} activities** (${REGION_1M} 大山町) **were not streamed but computed by the rebuild's own fold**: at the ${tiesPerSecond.toFixed(0)} ties a second the consumer counts on this machine (below), streaming them would take ≈ ${(opts.large / tiesPerSecond / 3600).toFixed(0)} hours. The same generator made ${n(opts.large)} \`Fact\`s for that one municipality over the same 36 months — ${n(lw.people.length)} people living in all 47 prefectures (about half with a home municipality, 5 % unknown), 1–4 of 20 skills each, ${n(lw.projects.length)} postings, ${n(lw.events.length)} events; 45 % applications, 35 % paid months of engagements, 20 % check-ins — folded with \`changesOf\` and \`contribution\` exactly as \`rebuildMetrics()\` folds them (${n(large.changes)} marker changes into ${n(large.markers)} markers, ${large.seconds.toFixed(0)} s), and its ${large.months.size} month items written by BatchWriteItem in the item shape \`rebuiltMetrics.replaceAll\` writes (\`metricsKeys.month\`). ${small.sameFacts ? "The generator's facts fold to exactly the months its records fold to through `factsOf` (checked on the 1,000), so the two sizes are the same kind of data." : "**The generator's facts do not fold to the months its records fold to.**"} Items and read units as \`metrics.months\` reports them (ReturnConsumedCapacity TOTAL, eventually consistent reads); item sizes by DynamoDB's rule (names + values).`,
    );
    say();
    say('| page | months read | items at 1k | RCU at 1k | items at 1M | RCU at 1M | RCU 1M ÷ 1k |');
    say('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const c of periods) {
      const a = reads.get(`${REGION_1K} ${c.label}`) as Reads;
      const b = reads.get(`${REGION_1M} ${c.label}`) as Reads;
      const { first, last: end } = monthsToRead(c.period);
      say(
        `| ${c.label} | ${first} … ${end} | ${a.items} | ${a.readUnits} | ${b.items} | ${b.readUnits} | ${ratio(b.readUnits, a.readUnits)} |`,
      );
    }
    say();
    const bound = 48 * 38 + SKILLS.length * 38 + 4 * 38 + 12 + 20;
    say(
      `Month items: at 1k ${shapeSmall.meanCounters.toFixed(0)} counters on average (at most ${shapeSmall.maxCounters}), ≈ ${shapeSmall.meanKB.toFixed(1)} KB (at most ${shapeSmall.maxKB.toFixed(1)} KB); at 1M ${shapeLarge.meanCounters.toFixed(0)} counters (at most ${shapeLarge.maxCounters}), ≈ ${shapeLarge.meanKB.toFixed(1)} KB (at most ${shapeLarge.maxKB.toFixed(1)} KB). **The page reads the same number of items at both sizes; the read units are not the same**, because a month item holds one counter for each (home prefecture, gap to the person's previous tie month), (skill, gap), … that occurs that month, and at 1,000 activities most do not. They grow with the activity only until every combination occurs — with 48 home buckets, these 20 skills and 38 gaps at most ≈ ${n(bound)} counters a month — and not after: what bounds a month item is the number of distinct home prefectures and skills, not the number of activities. (Skills are free tags, so a region whose people have many different skills has bigger items: see Reading the figures.)`,
    );
    say();
    say(
      `**Latency of the page** through the local gateway with 鳥取県's staff token (JWT, middleware, the Query, \`figures()\`, JSON), and of the bare \`metrics.months\` Query alone, ${opts.rounds} rounds, all eight interleaved:`,
    );
    say();
    say(
      '| page | 1k p50 | 1k p99 | 1M p50 | 1M p99 | **1M ÷ 1k p50** | **1M ÷ 1k p99** | Query alone 1k p50 | Query alone 1M p50 | Query 1M ÷ 1k p50 |',
    );
    say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    periods.forEach((c, i) => {
      const a = timed(0, 'api', i);
      const b = timed(1, 'api', i);
      const qa = timed(0, 'query', i);
      const qb = timed(1, 'query', i);
      const p = percentile;
      say(
        `| ${c.label} | ${ms(p(a, 50))} | ${ms(p(a, 99))} | ${ms(p(b, 50))} | ${ms(p(b, 99))} | ${ratio(p(b, 50), p(a, 50))} | ${ratio(p(b, 99), p(a, 99))} | ${ms(p(qa, 50))} | ${ms(p(qb, 50))} | ${ratio(p(qb, 50), p(qa, 50))} |`,
      );
    });
    say();
    const big = answers.get(`${REGION_1M} 36 months`) as Record<string, any>;
    const apiWrong = wrong.some((w) => w.includes("the API's"));
    say(
      `The 1M page over 36 months: ${n(big.relationshipPeople)} relationship people, ${n(big.activeRelationshipPeople)} active, ${n(big.homeUnknown)} of unknown home, ${n(big.matches)} matches, ¥${n(big.feesPaidJpy)} in fees. ${apiWrong ? '**Not every answer equals `figures()` of its months.**' : "Every answer of both sizes and periods equals `figures()` of the region's months."}`,
    );
    say();
    const count = (type: string) => n(tpItems.filter((i) => i.type === type).length);
    say(
      `**Stream consumer throughput: ${tiesPerSecond.toFixed(1)} ties a second.** ${n(opts.ties)} tie records of ${REGION_TIES} 北栄町 (${count('Application')} applications, ${count('LedgerRow')} paid ledger rows, ${count('Registration')} check-ins; their ${n(tpWorld.people.length)} users, ${n(tpWorld.projects.length)} postings and ${n(tpWorld.events.length)} events written and counted first) written straight into the table by BatchWriteItem (${tpWriteSeconds.toFixed(1)} s), timed from the first write until the consumer's month items of the municipality equalled the fold of the same facts (polled every 250 ms): ${tpSeconds.toFixed(1)} s. Each tie is ${(tieChanges / opts.ties).toFixed(1)} marker changes on average (the municipality's and the prefecture's marker of the person and of the project or engagement; ${n(tieChanges / tpSeconds)} a second), each a consistent GetItem and a TransactWriteItems of the marker and the months it changes. The local poller feeds the consumer batches of 100 in this one process; the consumer counts 8 of a batch's records at a time (the listings consumer reads each batch first).${tp.settled ? '' : ' **Not all were counted before the deadline.**'}`,
    );
    say();
    say(
      `**Rebuild: ${per100k.toFixed(1)} s per 100,000 activities.** ${n(opts.rebuild)} activities in the ${n(prepared.places)} municipalities of six prefectures (with 奄美's group), with their users, postings and events and the ${n(prepared.months)} month items the stream would have kept of them — ${n(prepared.items)} items, written by BatchWriteItem (8 in flight, ${prepared.seconds.toFixed(0)} s while the rest was being set up) into a fresh DynamoDB Local of their own (stream off) — then \`rebuildMetrics()\` in check mode in a process of its own: ${rebuild.seconds.toFixed(1)} s for ${n(rebuild.sources)} source records, ${n(rebuild.markers)} markers, ${n(rebuild.regions)} regions, ${n(rebuild.months)} month items, ${rebuild.skipped} skipped, **${n(rebuild.differences)} differences** from the months stored; ${n(rebuild.memoryMB)} MB resident at the end. The rebuild's fold of the same records alone, in memory, takes ${foldSeconds.toFixed(1)} s; the other ${scanSeconds.toFixed(0)} s are its two sequential Scans of the whole table (the sources, then the stored months: ≈ ${n((2 * prepared.items) / Math.max(scanSeconds, 0.001))} items a second from DynamoDB Local, which is the figure that grows with the table). A production table also holds the markers (≈ ${(prepared.markers / opts.rebuild).toFixed(1)} per activity here), listing entries, guards and the rest, which both Scans read and filter out.`,
    );
    say();
    say(
      wrong.length
        ? `**WRONG**: ${wrong.slice(0, 10).join('; ')}`
        : "Checks held: the stream-fed months of the 1k and the throughput municipalities equal the rebuild's fold of their records, the generator's facts fold like its records, the 1M month items read back as folded, every answer of the page equals `figures()` of its months, and the rebuild finds no difference.",
    );
    say();
    return out.join('\n');
  } finally {
    await fresh.stop();
  }
}
