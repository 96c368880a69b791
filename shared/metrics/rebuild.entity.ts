import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now } from '../data/entity.ts';
import { scanTypes } from '../data/scan.ts';
import { countersOf, markerItem, metricsKeys, type Subject } from './metrics.entity.ts';
import type { Marker, MonthCounters } from './rules.ts';

/**
 * What only the rebuild does with the metrics items (./metrics.entity.ts owns their keys): read all of them
 * with the sources, and replace all of them. It Scans the table, so no request may reach this module.
 */
type Key = { PK: unknown; SK: unknown };

export const rebuiltMetrics = {
  /**
   * Everything the rebuild reads, in one Scan: the source records of the given types, the stored month counters
   * of every region, and the keys of every metrics item (what a repair replaces).
   */
  async readAll(sourceTypes: readonly string[]) {
    const sources: Record<string, unknown>[] = [];
    const months = new Map<string, MonthCounters>();
    const stored: Key[] = [];
    for await (const page of scanTypes([...sourceTypes, 'MetricsMonth', 'MetricsMarker'])) {
      for (const item of page) {
        if (item.type === 'MetricsMarker' || item.type === 'MetricsMonth')
          stored.push({ PK: item.PK, SK: item.SK });
        if (item.type === 'MetricsMarker') continue;
        if (item.type !== 'MetricsMonth') {
          sources.push(item);
          continue;
        }
        const region = item.regionCode as string;
        const byMonth = months.get(region) ?? new Map();
        byMonth.set(item.month as string, countersOf(item));
        months.set(region, byMonth);
      }
    }
    return { sources, months, stored };
  },

  /** Replaces every stored metrics item (`stored`: their keys) with the rebuilt ones, markers and months. */
  async replaceAll(
    stored: Key[],
    markers: { regionCode: string; subject: Subject; marker: Marker }[],
    months: Map<string, MonthCounters>,
  ): Promise<void> {
    const at = now();
    const puts = [
      ...markers.map((m) => markerItem(m.regionCode, m.subject, m.marker, 1)),
      ...[...months].flatMap(([regionCode, byMonth]) =>
        [...byMonth].map(([month, counters]) => ({
          ...metricsKeys.month(regionCode, month),
          type: 'MetricsMonth',
          regionCode,
          month,
          updatedAt: at,
          ...counters,
        })),
      ),
    ];
    const keep = new Set(puts.map((p) => `${p.PK}\u0000${p.SK}`));
    const requests = [
      ...stored.filter((k) => !keep.has(`${k.PK}\u0000${k.SK}`)).map((Key) => ({ DeleteRequest: { Key } })),
      ...puts.map((Item) => ({ PutRequest: { Item } })),
    ];
    for (let i = 0; i < requests.length; i += 25) {
      let batch: typeof requests | undefined = requests.slice(i, i + 25);
      while (batch?.length) {
        const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch } }));
        batch = out.UnprocessedItems?.[tableName()] as typeof requests | undefined;
      }
    }
  },
};
