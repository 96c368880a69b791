import {
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now } from '../data/entity.ts';
import type { Marker, MonthCounters } from './rules.ts';

/**
 * The relationship population's own items (BRIEF 2.5), written only by the stream consumer and the rebuild.
 * Access patterns:
 *  - regionMonths(region, first, last)  Query  PK=METRICS#<region>, SK between MONTH#<first> and MONTH#<last>
 *    (at most 36 items, each of bounded size, whatever the activity behind them)
 *  - marker(region, subject)            GetItem PK=METRICS#<region>#<PERSON|PROJECT|ENGAGEMENT>#<id>, SK=MARKER
 *    (a partition each, so a busy region's markers spread out)
 *  - everything (rebuild only)          Scan, filtered on the type tag: never on a request path
 */
export type Subject = { kind: Marker['kind']; id: string };
type StoredMarker = { marker: Marker; version: number };

export const metricsKeys = {
  month: (regionCode: string, month: string) => ({ PK: `METRICS#${regionCode}`, SK: `MONTH#${month}` }),
  marker: (regionCode: string, s: Subject) => ({
    PK: `METRICS#${regionCode}#${s.kind.toUpperCase()}#${s.id}`,
    SK: 'MARKER',
  }),
};

/** Attributes of a month item that are not counters. */
const MONTH_FIELDS = new Set(['PK', 'SK', 'type', 'regionCode', 'month', 'updatedAt']);

const countersOf = (item: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(item).filter(([k, v]) => !MONTH_FIELDS.has(k) && typeof v === 'number'),
  ) as Record<string, number>;

/** The Update of one month item adding `counters` to it, as a part of a transaction. */
function addToMonth(regionCode: string, month: string, counters: Record<string, number>) {
  const names: Record<string, string> = { '#type': 'type', '#month': 'month' };
  const values: Record<string, unknown> = {
    ':type': 'MetricsMonth',
    ':region': regionCode,
    ':month': month,
    ':at': now(),
  };
  const adds = Object.entries(counters).map(([counter, n], i) => {
    names[`#c${i}`] = counter;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: metricsKeys.month(regionCode, month),
      UpdateExpression: `SET #type = :type, regionCode = :region, #month = :month, updatedAt = :at ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A transaction holds at most 100 items: the marker and up to 99 months. */
export const MAX_MONTHS_PER_CHANGE = 99;

export const metrics = {
  async marker(regionCode: string, subject: Subject): Promise<StoredMarker | undefined> {
    const { Item } = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: metricsKeys.marker(regionCode, subject),
        ConsistentRead: true,
      }),
    );
    return Item ? { marker: Item.marker as Marker, version: Item.version as number } : undefined;
  },

  /**
   * The marker's new state and what it adds to the region's months, in one transaction: the marker only if
   * nobody changed it since it was read (its version), so a fact is counted exactly once.
   */
  async change(
    regionCode: string,
    subject: Subject,
    before: StoredMarker | undefined,
    marker: Marker,
    delta: MonthCounters,
  ): Promise<void> {
    if (delta.size > MAX_MONTHS_PER_CHANGE)
      throw new Error(`a change of ${delta.size} months does not fit one transaction; run the rebuild`);
    const version = (before?.version ?? 0) + 1;
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...metricsKeys.marker(regionCode, subject),
                type: 'MetricsMarker',
                regionCode,
                marker,
                version,
                updatedAt: now(),
              },
              ConditionExpression: before ? 'version = :seen' : 'attribute_not_exists(PK)',
              ...(before ? { ExpressionAttributeValues: { ':seen': before.version } } : {}),
            },
          },
          ...[...delta].map(([month, counters]) => addToMonth(regionCode, month, counters)),
        ],
      }),
    );
  },

  /** A region's month counters from `first` to `last` (months), with what reading them cost. */
  async months(
    regionCode: string,
    first: string,
    last: string,
  ): Promise<{ months: MonthCounters; items: number; readUnits: number }> {
    const { PK } = metricsKeys.month(regionCode, first);
    const months: MonthCounters = new Map();
    let items = 0;
    let readUnits = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
          ExpressionAttributeValues: { ':pk': PK, ':first': `MONTH#${first}`, ':last': `MONTH#${last}` },
          ReturnConsumedCapacity: 'TOTAL',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) months.set(item.month as string, countersOf(item));
      items += page.Items?.length ?? 0;
      readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return { months, items, readUnits };
  },

  /** Every item of the given types, page by page (the rebuild's reads; never a request's). */
  async *scan(types: readonly string[]): AsyncGenerator<Record<string, unknown>[]> {
    const input: ScanCommandInput = {
      TableName: tableName(),
      FilterExpression: `#type IN (${types.map((_, i) => `:t${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: Object.fromEntries(types.map((t, i) => [`:t${i}`, t])),
    };
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
      yield page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  },

  /** The stored month counters of every region (the rebuild's comparison). */
  async allMonths(): Promise<Map<string, MonthCounters>> {
    const out = new Map<string, MonthCounters>();
    for await (const page of metrics.scan(['MetricsMonth'])) {
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
    for await (const page of metrics.scan(['MetricsMonth', 'MetricsMarker']))
      stale.push(...page.map((i) => ({ PK: i.PK, SK: i.SK })));
    const at = now();
    const puts = [
      ...markers.map((m) => ({
        ...metricsKeys.marker(m.regionCode, m.subject),
        type: 'MetricsMarker',
        regionCode: m.regionCode,
        marker: m.marker,
        version: 1,
        updatedAt: at,
      })),
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
