import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import { type Stored, strip } from '../data/entity.ts';
import * as z from '../zod-mini.ts';
import type { Attendance, EventInput, EventKind, EventStatus } from './rules.ts';

/**
 * Event: a tour or a seminar, with its seat counters per attendance mode.
 * Access patterns:
 *  - get(id)                        GetItem  PK=EVENT#<id>, SK=EVENT
 *  - in a prefecture, by start      Query    GSI1 GSI1PK=EVENTS#PREF#<code>, GSI1SK=<startsAt UTC>#<id> (all statuses)
 *  - in a municipality, by start    Query    GSI2 GSI2PK=EVENTS#MUNI#<code>, same sort key (all statuses)
 *  - every published one, by start  Query    GSI3 GSI3PK=EVENTS#PUBLISHED (sparse: set on publish, removed on cancel)
 * Counters (changed only by the conditional writes of ./registration.entity.ts, in the registration's
 * transaction): `<mode>Taken` seats held (offered, pending payment, confirmed), `<mode>Waiting` people on the
 * waitlist, `<mode>Entered` lottery entries before the draw, `<mode>WaitSeq` the last waitlist ticket given.
 */
export type Counters = Record<`${Attendance}${'Taken' | 'Waiting' | 'Entered' | 'WaitSeq'}`, number>;

export type KakehashiEvent = Omit<EventInput, 'claimWindowHours' | 'refundDaysBefore'> &
  Counters & {
    id: string;
    status: EventStatus;
    prefectureCode: string;
    /** The region of the staff who created it. */
    regionCode: string;
    createdBy: string;
    claimWindowHours: number;
    refundDaysBefore: number;
    createdAt: string;
    updatedAt: string;
    publishedAt?: string;
    cancelledAt?: string;
    drawnAt?: string;
  };
type EventItem = Stored<KakehashiEvent, 'Event'>;

export const ZERO_COUNTERS: Counters = {
  venueTaken: 0,
  onlineTaken: 0,
  venueWaiting: 0,
  onlineWaiting: 0,
  venueEntered: 0,
  onlineEntered: 0,
  venueWaitSeq: 0,
  onlineWaitSeq: 0,
};

const byStart = (e: Pick<KakehashiEvent, 'startsAt' | 'id'>) =>
  `${new Date(e.startsAt).toISOString()}#${e.id}`;

export const eventKeys = {
  primary: (id: string) => ({ PK: `EVENT#${id}`, SK: 'EVENT' }),
  byPrefecture: (e: Pick<KakehashiEvent, 'prefectureCode' | 'startsAt' | 'id'>) => ({
    GSI1PK: `EVENTS#PREF#${e.prefectureCode}`,
    GSI1SK: byStart(e),
  }),
  byMunicipality: (e: Pick<KakehashiEvent, 'municipalityCode' | 'startsAt' | 'id'>) => ({
    GSI2PK: `EVENTS#MUNI#${e.municipalityCode}`,
    GSI2SK: byStart(e),
  }),
  published: (e: Pick<KakehashiEvent, 'startsAt' | 'id'>) => ({
    GSI3PK: 'EVENTS#PUBLISHED',
    GSI3SK: byStart(e),
  }),
};

const fromItem = (item: Record<string, unknown>) => strip(item as EventItem) as KakehashiEvent;

function itemOf(e: KakehashiEvent): EventItem {
  return {
    ...e,
    ...eventKeys.primary(e.id),
    ...eventKeys.byPrefecture(e),
    ...eventKeys.byMunicipality(e),
    ...(e.status === 'published' ? eventKeys.published(e) : {}),
    type: 'Event',
  };
}

/** Where a listing reads: one prefecture, one municipality, or everything published. */
export type EventPartition =
  | { index: 'GSI1'; pk: `EVENTS#PREF#${string}` }
  | { index: 'GSI2'; pk: `EVENTS#MUNI#${string}` }
  | { index: 'GSI3'; pk: 'EVENTS#PUBLISHED' };

export const partitionFor = (q: {
  prefecture?: string | undefined;
  municipality?: string | undefined;
}): EventPartition =>
  q.municipality
    ? { index: 'GSI2', pk: `EVENTS#MUNI#${q.municipality}` }
    : q.prefecture
      ? { index: 'GSI1', pk: `EVENTS#PREF#${q.prefecture}` }
      : { index: 'GSI3', pk: 'EVENTS#PUBLISHED' };

const SORT_KEY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z#[0-9a-f-]{36}$/;
/** A cursor across a region's partitions: the sort key of the last event shown (the same order in each). */
const RegionCursor = /* @__PURE__ */ z.pure(() =>
  z.strictObject({ after: z.string().check(z.regex(SORT_KEY)) }),
);

/** A cursor is the key of the last event of a page: exactly the table's and the index's keys, nothing else. */
const cursorSchema = (index: EventPartition['index']) =>
  z.strictObject({
    PK: z.string().check(z.regex(/^EVENT#[0-9a-f-]{36}$/)),
    SK: z.literal('EVENT'),
    [`${index}PK`]: z.string().check(z.maxLength(100)),
    [`${index}SK`]: z.string().check(z.regex(SORT_KEY)),
  });
function decodeEventCursor(cursor: string, p: EventPartition, from?: string): Record<string, string> {
  return decodeCursor(
    cursor,
    cursorSchema(p.index) as unknown as z.ZodMiniType<Record<string, string>>,
    // Of this listing, and not before where it starts (DynamoDB refuses a start key outside the range read).
    (key) => key[`${p.index}PK`] === p.pk && !(from && (key[`${p.index}SK`] as string) < from),
    'listing',
  );
}

export const events = {
  async get(id: string): Promise<KakehashiEvent | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: eventKeys.primary(id), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  async create(e: KakehashiEvent): Promise<void> {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: itemOf(e),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  },

  /** Saves a draft's new fields, only while it is still the draft that was read. */
  async saveDraft(e: KakehashiEvent, readAt: string): Promise<void> {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: itemOf(e),
        ConditionExpression: '#status = :draft AND updatedAt = :read',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': 'draft', ':read': readAt },
      }),
    );
  },

  /** Draft → published: listed from now on. */
  async publish(e: KakehashiEvent, at: string): Promise<KakehashiEvent> {
    const { GSI3PK, GSI3SK } = eventKeys.published(e);
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: eventKeys.primary(e.id),
        UpdateExpression:
          'SET #status = :published, publishedAt = :at, updatedAt = :at, GSI3PK = :pk, GSI3SK = :sk',
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':published': 'published',
          ':draft': 'draft',
          ':at': at,
          ':pk': GSI3PK,
          ':sk': GSI3SK,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  },

  /** → cancelled (from draft or published), out of the public listing. */
  async cancel(e: KakehashiEvent, at: string): Promise<KakehashiEvent> {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: eventKeys.primary(e.id),
        UpdateExpression:
          'SET #status = :cancelled, cancelledAt = :at, updatedAt = :at REMOVE GSI3PK, GSI3SK',
        ConditionExpression: '#status IN (:draft, :published)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':cancelled': 'cancelled',
          ':draft': 'draft',
          ':published': 'published',
          ':at': at,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  },

  /** The next waitlist ticket of a mode: an atomic counter, so two people never share a place in line. */
  async nextWaitTicket(eventId: string, mode: Attendance): Promise<number> {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: eventKeys.primary(eventId),
        UpdateExpression: 'ADD #seq :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#seq': `${mode}WaitSeq` },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Attributes?.[`${mode}WaitSeq`] as number;
  },

  /**
   * One page of a listing from `from` on, soonest first; `published` keeps only published events (a
   * prefecture's or municipality's partition holds drafts too) and `kind` one kind. Pages are filled up to
   * `limit`, and the cursor is the key of the last event returned, so nothing is skipped.
   */
  async page(
    p: EventPartition,
    opts: { from?: string; kind?: EventKind; published: boolean; limit: number; cursor?: string },
  ): Promise<{ items: KakehashiEvent[]; nextCursor: string | null }> {
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': p.pk };
    if (opts.published) {
      filters.push('#status = :published');
      names['#status'] = 'status';
      values[':published'] = 'published';
    }
    if (opts.kind) {
      filters.push('kind = :kind');
      values[':kind'] = opts.kind;
    }
    let condition = `${p.index}PK = :pk`;
    if (opts.from) {
      condition += ` AND ${p.index}SK >= :from`;
      values[':from'] = new Date(opts.from).toISOString();
    }
    const items: KakehashiEvent[] = [];
    const fromKey = opts.from ? new Date(opts.from).toISOString() : undefined;
    let start: Record<string, unknown> | undefined = opts.cursor
      ? decodeEventCursor(opts.cursor, p, fromKey)
      : undefined;
    let last: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: p.index,
          KeyConditionExpression: condition,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ExclusiveStartKey: start,
          Limit: opts.limit * 2,
        }),
      );
      for (const item of page.Items ?? []) {
        if (items.length === opts.limit) break;
        items.push(fromItem(item));
        last = item;
      }
      start = page.LastEvaluatedKey;
      if (items.length === opts.limit) {
        // More may follow: the cursor is the last returned event's key (unless it was the page's very end).
        if (!start && last === page.Items?.at(-1)) return { items, nextCursor: null };
        const key = last as Record<string, string>;
        return {
          items,
          nextCursor: encodeCursor({
            PK: key.PK,
            SK: key.SK,
            [`${p.index}PK`]: key[`${p.index}PK`],
            [`${p.index}SK`]: key[`${p.index}SK`],
          }),
        };
      }
    } while (start);
    return { items, nextCursor: null };
  },

  /**
   * A page of the events of several partitions (a region's), merged: those not ended at `now` soonest first
   * (`coming`), or the ended ones latest first (`past`). Every partition sorts by `<startsAt>#<id>`, so one sort
   * key is a cursor for all of them: each partition is read after it, up to one more event than the page holds.
   */
  async acrossPartitions(
    partitions: EventPartition[],
    opts: {
      when: 'coming' | 'past';
      now: Date;
      longestDays: number;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<{ items: KakehashiEvent[]; nextCursor: string | null }> {
    const coming = opts.when === 'coming';
    const after = opts.cursor
      ? decodeCursor(opts.cursor, RegionCursor, () => true, 'list of events').after
      : undefined;
    const ends = opts.now.getTime();
    // A coming event started at most `longestDays` ago; a past one started before now.
    const bound = new Date(coming ? ends - opts.longestDays * 86_400_000 : ends).toISOString();
    const reads = await Promise.all(
      partitions.map(async (p) => {
        const found: Record<string, unknown>[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await db().send(
            new QueryCommand({
              TableName: tableName(),
              IndexName: p.index,
              KeyConditionExpression: after
                ? `${p.index}PK = :pk AND ${p.index}SK ${coming ? '>' : '<'} :after`
                : `${p.index}PK = :pk AND ${p.index}SK ${coming ? '>=' : '<'} :bound`,
              ExpressionAttributeValues: {
                ':pk': p.pk,
                ...(after ? { ':after': after } : { ':bound': bound }),
              },
              ScanIndexForward: coming,
              ExclusiveStartKey: start,
              Limit: opts.limit + 1,
            }),
          );
          // Times are stored with their offset, so "ended" is decided here, not by a filter on strings.
          found.push(
            ...(page.Items ?? []).filter((item) => Date.parse(item.endsAt as string) >= ends === coming),
          );
          start = page.LastEvaluatedKey;
        } while (start && found.length <= opts.limit);
        return found.slice(0, opts.limit + 1).map((item) => ({ item, key: item[`${p.index}SK`] as string }));
      }),
    );
    const merged = reads.flat().sort((a, b) => (coming ? 1 : -1) * a.key.localeCompare(b.key));
    const shown = merged.slice(0, opts.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((m) => fromItem(m.item)),
      nextCursor: merged.length > opts.limit && last ? encodeCursor({ after: last.key }) : null,
    };
  },
};
