import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now } from '../data/entity.ts';
import { scanTypes } from '../data/scan.ts';
import { countersOf, markerItem, metricsKeys, type Subject } from './metrics.entity.ts';
import type { Marker, MonthCounters } from './rules.ts';

/**
 * What only the rebuild does with the metrics items (./metrics.entity.ts owns their keys): read all of them,
 * and replace all of them. Both Scan the table, so no request may reach this module.
 */
export const rebuiltMetrics = {
  /** The stored month counters of every region. */
  async allMonths(): Promise<Map<string, MonthCounters>> {
    const out = new Map<string, MonthCounters>();
    for await (const page of scanTypes(['MetricsMonth'])) {
      for (const item of page) {
        const region = item.regionCode as string;
        const months = out.get(region) ?? new Map();
        months.set(item.month as string, countersOf(item));
        out.set(region, months);
      }
    }
    return out;
  },

  /** Replaces every metrics item with the rebuilt ones (markers and months). */
  async replaceAll(
    markers: { regionCode: string; subject: Subject; marker: Marker }[],
    months: Map<string, MonthCounters>,
  ): Promise<void> {
    const stale: Record<string, unknown>[] = [];
    for await (const page of scanTypes(['MetricsMonth', 'MetricsMarker']))
      stale.push(...page.map((i) => ({ PK: i.PK, SK: i.SK })));
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
      ...stale.filter((k) => !keep.has(`${k.PK}\u0000${k.SK}`)).map((Key) => ({ DeleteRequest: { Key } })),
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
