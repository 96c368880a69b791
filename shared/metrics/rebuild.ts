import type { User } from '../accounts/user.entity.ts';
import type { KakehashiEvent } from '../events/event.entity.ts';
import { logger } from '../logger.ts';
import type { Project } from '../projects/rules.ts';
import type { Subject } from './metrics.entity.ts';
import { rebuiltMetrics } from './rebuild.entity.ts';
import { changesOf, contribution, type Marker, type MonthCounters } from './rules.ts';
import { factsOf, MissingSource } from './sources.ts';

export type Difference = {
  regionCode: string;
  month: string;
  counter: string;
  stored: number;
  rebuilt: number;
};

/** Where two sets of month counters disagree (a counter at 0 is the same as none). */
export function differences(
  stored: Map<string, MonthCounters>,
  rebuilt: Map<string, MonthCounters>,
): Difference[] {
  const out: Difference[] = [];
  for (const regionCode of new Set([...stored.keys(), ...rebuilt.keys()])) {
    const a = stored.get(regionCode) ?? new Map();
    const b = rebuilt.get(regionCode) ?? new Map();
    for (const month of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(month) ?? {};
      const y = b.get(month) ?? {};
      for (const counter of new Set([...Object.keys(x), ...Object.keys(y)])) {
        const s = x[counter] ?? 0;
        const r = y[counter] ?? 0;
        if (s !== r) out.push({ regionCode, month, counter, stored: s, rebuilt: r });
      }
    }
  }
  return out.sort((p, q) =>
    `${p.regionCode}${p.month}${p.counter}`.localeCompare(`${q.regionCode}${q.month}${q.counter}`),
  );
}

export const SOURCE_TYPES = ['Project', 'Application', 'LedgerRow', 'Registration', 'User', 'Event'] as const;

type Folded = {
  markers: { regionCode: string; subject: Subject; marker: Marker }[];
  months: Map<string, MonthCounters>;
  sources: number;
  skipped: number;
};

/**
 * Source records (as stored) folded into every region's markers and month counters, with nothing but the
 * records themselves to look things up in: what the stream consumer would have made of them.
 */
export async function fold(items: Iterable<Record<string, unknown>>): Promise<Folded> {
  const projects = new Map<string, Project>();
  const users = new Map<string, User>();
  const events = new Map<string, KakehashiEvent>();
  const sources: Record<string, unknown>[] = [];
  for (const item of items) {
    if (item.type === 'User') users.set(item.userId as string, item as unknown as User);
    else if (item.type === 'Event') events.set(item.id as string, item as unknown as KakehashiEvent);
    else {
      if (item.type === 'Project') projects.set(item.id as string, item as unknown as Project);
      sources.push(item);
    }
  }
  const lookups = {
    project: async (id: string) => projects.get(id),
    user: async (id: string) => users.get(id),
    event: async (id: string) => events.get(id),
  };
  const markers = new Map<string, Folded['markers'][number]>();
  let skipped = 0;
  for (const item of sources) {
    let facts: Awaited<ReturnType<typeof factsOf>> = [];
    try {
      facts = await factsOf(item, undefined, lookups);
    } catch (error) {
      if (!(error instanceof MissingSource)) throw error;
      skipped++;
      logger.warn('rebuild: record skipped', { reason: error.message });
    }
    for (const change of facts.flatMap(changesOf)) {
      const key = `${change.regionCode}\u0000${change.subject.kind}\u0000${change.subject.id}`;
      const marker = change.apply(markers.get(key)?.marker);
      if (marker) markers.set(key, { regionCode: change.regionCode, subject: change.subject, marker });
    }
  }
  const months = new Map<string, MonthCounters>();
  for (const { regionCode, marker } of markers.values())
    months.set(regionCode, contribution(marker, months.get(regionCode) ?? new Map()));
  return { markers: [...markers.values()], months, sources: sources.length, skipped };
}

/**
 * Recomputes every region's figures from the source records (projects, applications, the ledger, check-ins)
 * and compares them with what the stream consumer kept (`regions`: only those). `repair` replaces the kept
 * items with the rebuilt ones: run it with the stream consumer paused (docs/relationship-population.md), as a
 * fact counted by the stream during the replacement would be lost until the next rebuild.
 */
export async function rebuildMetrics({
  repair = false,
  regions,
}: {
  repair?: boolean;
  regions?: string[];
} = {}) {
  const started = Date.now();
  const { sources, months: stored, stored: keys } = await rebuiltMetrics.readAll(SOURCE_TYPES);
  const rebuilt = await fold(sources);
  const only = <T>(m: Map<string, T>) =>
    regions ? new Map([...m].filter(([code]) => regions.includes(code))) : m;
  const found = differences(only(stored), only(rebuilt.months));
  if (repair) await rebuiltMetrics.replaceAll(keys, rebuilt.markers, rebuilt.months);
  return {
    sources: rebuilt.sources,
    skipped: rebuilt.skipped,
    markers: rebuilt.markers.length,
    regions: rebuilt.months.size,
    months: [...rebuilt.months.values()].reduce((n, m) => n + m.size, 0),
    differences: found.length,
    firstDifferences: found.slice(0, 20),
    repaired: repair,
    seconds: (Date.now() - started) / 1000,
  };
}
