import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import type { Marker, MonthCounters } from './rules.ts';

/**
 * The relationship population's own items (BRIEF 2.5), written only by the stream consumer and the rebuild.
 * Access patterns:
 *  - regionMonths(region, first, last)  Query  PK=METRICS#<region>, SK between MONTH#<first> and MONTH#<last>
 *    (at most 36 items, each of bounded size, whatever the activity behind them)
 *  - marker(region, subject)            GetItem PK=METRICS#<region>#<PERSON|PROJECT|ENGAGEMENT>#<id>, SK=MARKER
 *    (a partition each, so a busy region's markers spread out)
 *  - regionsOfPerson(uid)               Query  GSI1 GSI1PK=METRICS#PERSON#<uid> (the regions they have ties with)
 * The rebuild's reads and writes of every metrics item are in ./rebuild.entity.ts, out of reach of any request.
 */
export type Subject = { kind: Marker['kind']; id: string };
type StoredMarker = { marker: Marker; version: number };

export const metricsKeys = {
  month: (regionCode: string, month: string) => ({ PK: `METRICS#${regionCode}`, SK: `MONTH#${month}` }),
  marker: (regionCode: string, s: Subject) => ({
    PK: `METRICS#${regionCode}#${s.kind.toUpperCase()}#${s.id}`,
    SK: 'MARKER',
  }),
  /** A person's markers, one per region they have ties with: found again when their profile changes. */
  personRegions: (regionCode: string, s: Subject) =>
    s.kind === 'person' ? { GSI1PK: `METRICS#PERSON#${s.id}`, GSI1SK: regionCode } : {},
};

/** A marker as stored. */
export const markerItem = (regionCode: string, subject: Subject, marker: Marker, version: number) => ({
  ...metricsKeys.marker(regionCode, subject),
  ...metricsKeys.personRegions(regionCode, subject),
  type: 'MetricsMarker',
  regionCode,
  marker,
  version,
  updatedAt: now(),
});

/** Attributes of a month item that are not counters. */
const MONTH_FIELDS = new Set(['PK', 'SK', 'type', 'regionCode', 'month', 'updatedAt']);

export const countersOf = (item: Record<string, unknown>) =>
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
              Item: markerItem(regionCode, subject, marker, version),
              ConditionExpression: before ? 'version = :seen' : 'attribute_not_exists(PK)',
              ...(before ? { ExpressionAttributeValues: { ':seen': before.version } } : {}),
            },
          },
          ...[...delta].map(([month, counters]) => addToMonth(regionCode, month, counters)),
        ],
      }),
    );
  },

  /** The regions a person has ties with (their markers' regions). */
  async regionsOfPerson(personId: string): Promise<string[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `METRICS#PERSON#${personId}` },
    });
    return items.map((i) => i.GSI1SK as string);
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
};
