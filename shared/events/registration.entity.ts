import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import { ofType, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryAll, queryPage } from '../data/query.ts';
import { isConditionFailure } from '../data/transaction.ts';
import * as z from '../zod-mini.ts';
import { eventKeys } from './event.entity.ts';
import type { Attendance, RegistrationStatus } from './rules.ts';
import { type TimerKind, timers } from './timer.entity.ts';

/**
 * Registration: one person's place at one event (the key is the person, so there is at most one).
 * Access patterns:
 *  - get(eventId, userId)        GetItem  PK=EVENT#<eventId>, SK=REG#<userId>
 *  - of an event                 Query    PK=EVENT#<eventId>, SK begins_with REG#
 *  - of a person, newest first   Query    GSI1 GSI1PK=USER#<userId>#REGISTRATIONS, GSI1SK=<createdAt>#<eventId>
 *  - a mode's waitlist in order  Query    GSI2 GSI2PK=EVENT#<eventId>#WAITLIST#<mode>, GSI2SK=<ticket, 8 digits>
 *                                         (sparse: only while waitlisted; a position is the count of those before)
 *  - by check-in code            GetItem  PK=EVENT#<eventId>, SK=CODE#<code> → the person (written with the seat)
 *  - an event's roster, by sign-up  Query  GSI3 GSI3PK=EVENT#<eventId>#ROSTER, GSI3SK=<createdAt>#<userId> (paged)
 * Every change of status is conditional on the status that was read, and every change that takes or frees a
 * seat, a place in line or a lottery entry changes the event's counter in the same transaction, under a
 * condition on the capacity: the counters cannot drift from the registrations, nor exceed the capacity.
 */
export type Registration = {
  id: string;
  eventId: string;
  userId: string;
  attendance: Attendance;
  status: RegistrationStatus;
  childcare?: { children: number; ages: string };
  code?: string;
  waitTicket?: number;
  offerExpiresAt?: string;
  holdExpiresAt?: string;
  checkoutSessionId?: string;
  checkoutUrl?: string;
  paymentIntentId?: string;
  paidJpy?: number;
  refundedJpy?: number;
  checkedInAt?: string;
  cancelledAt?: string;
  remindedAt?: string;
  createdAt: string;
  updatedAt: string;
};
type RegistrationItem = Stored<Registration, 'Registration'>;

const ticket = (n: number) => String(n).padStart(8, '0');

export const registrationKeys = {
  primary: (eventId: string, userId: string) => ({ PK: `EVENT#${eventId}`, SK: `REG#${userId}` }),
  byPerson: (r: Pick<Registration, 'userId' | 'createdAt' | 'eventId'>) => ({
    GSI1PK: `USER#${r.userId}#REGISTRATIONS`,
    GSI1SK: `${r.createdAt}#${r.eventId}`,
  }),
  waitlist: (eventId: string, mode: Attendance, n: number) => ({
    GSI2PK: `EVENT#${eventId}#WAITLIST#${mode}`,
    GSI2SK: ticket(n),
  }),
  code: (eventId: string, code: string) => ({ PK: `EVENT#${eventId}`, SK: `CODE#${code}` }),
  /** The event's roster in sign-up order (a new sign-up after a cancellation moves to the end). */
  roster: (r: Pick<Registration, 'userId' | 'createdAt' | 'eventId'>) => ({
    GSI3PK: `EVENT#${r.eventId}#ROSTER`,
    GSI3SK: `${r.createdAt}#${r.userId}`,
  }),
};

const PersonCursor = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    PK: z.string(),
    SK: z.string(),
    GSI1PK: z.string(),
    GSI1SK: z.string(),
  }),
);

const fromItem = (item: Record<string, unknown>) => strip(item as RegistrationItem) as Registration;
/** A registration in a stream image or a scan. */
export const registrationOf = ofType<Registration>('Registration');

const T = () => tableName();
const counter = (mode: Attendance, which: 'Taken' | 'Waiting' | 'Entered') => `${mode}${which}`;

/** The event's counters: `ADD` each by its step, under a condition (capacity, status) when one is given. */
function eventUpdate(
  eventId: string,
  steps: Record<string, number>,
  condition?: { expression: string; values?: Record<string, unknown>; names?: Record<string, string> },
) {
  const names: Record<string, string> = { ...condition?.names };
  const values: Record<string, unknown> = { ...condition?.values };
  const adds = Object.entries(steps).map(([name, step], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = step;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: T(),
      Key: eventKeys.primary(eventId),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ConditionExpression: condition?.expression ?? 'attribute_exists(PK)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The seat of the mode is free (capacity read from the event itself, so a stale read cannot overfill it). */
const seatFree = (mode: Attendance, capacity: number, published = true) => ({
  expression: `${published ? '#status = :published AND ' : ''}#taken < :cap`,
  names: { '#taken': counter(mode, 'Taken'), ...(published ? { '#status': 'status' } : {}) },
  values: { ':cap': capacity, ...(published ? { ':published': 'published' } : {}) },
});

function codePut(r: Registration, code: string) {
  return {
    Put: {
      TableName: T(),
      Item: {
        ...registrationKeys.code(r.eventId, code),
        type: 'CheckinCode',
        userId: r.userId,
        createdAt: r.updatedAt,
        updatedAt: r.updatedAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** A status change of a registration read in `from`, with what else changes on it. */
function move(
  r: Registration,
  to: RegistrationStatus,
  at: string,
  set: Record<string, unknown> = {},
  remove: string[] = [],
  extraCondition?: { expression: string; values: Record<string, unknown> },
) {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':to': to,
    ':from': r.status,
    ':at': at,
    ...extraCondition?.values,
  };
  const sets = ['#status = :to', 'updatedAt = :at'];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  return {
    Update: {
      TableName: T(),
      Key: registrationKeys.primary(r.eventId, r.userId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: `#status = :from${extraCondition ? ` AND ${extraCondition.expression}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const transact = (items: object[]) => db().send(new TransactWriteCommand({ TransactItems: items as never }));

function newItem(r: Registration): RegistrationItem {
  return {
    ...r,
    ...registrationKeys.primary(r.eventId, r.userId),
    ...registrationKeys.byPerson(r),
    ...registrationKeys.roster(r),
    ...(r.status === 'waitlisted' && r.waitTicket !== undefined
      ? registrationKeys.waitlist(r.eventId, r.attendance, r.waitTicket)
      : {}),
    type: 'Registration',
  };
}
/** A new registration; one that was cancelled or expired may be replaced by signing up again. */
const putNew = (r: Registration) => ({
  Put: {
    TableName: T(),
    Item: newItem(r),
    ConditionExpression: 'attribute_not_exists(PK) OR #status IN (:cancelled, :expired)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled', ':expired': 'expired' },
  },
});
const timerPut = (kind: TimerKind, dueAt: string, r: Registration) =>
  timers.put(kind, dueAt, `${r.eventId}#${r.userId}`);

/**
 * The writes. Each throws TransactionCanceledException when a condition fails; the first reason is always
 * the registration itself (it exists already, or moved on), the second the event's counter.
 */
export const registrations = {
  async get(eventId: string, userId: string): Promise<Registration | undefined> {
    const { Item } = await db().send(
      new GetCommand({
        TableName: T(),
        Key: registrationKeys.primary(eventId, userId),
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  /** A new registration that takes a seat: confirmed (with its code) or held while its holder pays. */
  takeSeat: (r: Registration, capacity: number) =>
    transact([
      putNew(r),
      eventUpdate(r.eventId, { [counter(r.attendance, 'Taken')]: 1 }, seatFree(r.attendance, capacity)),
      ...(r.code ? [codePut(r, r.code)] : []),
      ...(r.holdExpiresAt ? [timerPut('hold', r.holdExpiresAt, r)] : []),
    ]),

  /** A new registration at the end of the mode's line, only while the mode is still full. */
  joinWaitlist: (r: Registration, capacity: number) =>
    transact([
      putNew(r),
      eventUpdate(
        r.eventId,
        { [counter(r.attendance, 'Waiting')]: 1 },
        {
          expression: '#status = :published AND #taken >= :cap',
          names: { '#status': 'status', '#taken': counter(r.attendance, 'Taken') },
          values: { ':published': 'published', ':cap': capacity },
        },
      ),
    ]),

  /** A new lottery entry, only before the draw. */
  enter: (r: Registration) =>
    transact([
      putNew(r),
      eventUpdate(
        r.eventId,
        { [counter(r.attendance, 'Entered')]: 1 },
        {
          expression: '#status = :published AND attribute_not_exists(drawnAt)',
          names: { '#status': 'status' },
          values: { ':published': 'published' },
        },
      ),
    ]),

  /** The first in line is offered the seat that came free, until `offerExpiresAt`. */
  offer: (r: Registration, capacity: number, offerExpiresAt: string, at: string) =>
    transact([
      move(r, 'offered', at, { offerExpiresAt }, ['GSI2PK', 'GSI2SK']),
      eventUpdate(
        r.eventId,
        { [counter(r.attendance, 'Taken')]: 1, [counter(r.attendance, 'Waiting')]: -1 },
        seatFree(r.attendance, capacity),
      ),
      timerPut('offer', offerExpiresAt, r),
    ]),

  /** An offered seat, claimed in time: confirmed with its code, or held while its holder pays. */
  claim: (
    r: Registration,
    at: string,
    next: { code: string } | { checkoutSessionId: string; checkoutUrl: string; holdExpiresAt: string },
  ) =>
    transact([
      'code' in next
        ? move(r, 'confirmed', at, { code: next.code }, ['offerExpiresAt'], {
            expression: 'offerExpiresAt >= :at',
            values: {},
          })
        : move(r, 'pending_payment', at, next, ['offerExpiresAt'], {
            expression: 'offerExpiresAt >= :at',
            values: {},
          }),
      ...('code' in next ? [codePut(r, next.code)] : [timerPut('hold', next.holdExpiresAt, r)]),
    ]),

  /** The hold's payment arrived: confirmed, with its code. */
  paid: (r: Registration, at: string, p: { code: string; paymentIntentId: string; paidJpy: number }) =>
    transact([
      move(r, 'confirmed', at, p, ['holdExpiresAt', 'checkoutUrl'], {
        expression: 'checkoutSessionId = :sid',
        values: { ':sid': r.checkoutSessionId },
      }),
      codePut(r, p.code),
    ]),

  /** A held Checkout Session to pay a lottery win or a claimed seat (the seat is already counted). */
  holdForPayment: (
    r: Registration,
    at: string,
    hold: { checkoutSessionId: string; checkoutUrl: string; holdExpiresAt: string },
  ) => transact([move(r, 'pending_payment', at, hold), timerPut('hold', hold.holdExpiresAt, r)]),

  /**
   * Out of the event: cancelled by the person (or with the event), or expired (an offer or a hold that ran
   * out). A seat it held and a place in line it had are given back in the same transaction.
   */
  leave: (r: Registration, to: 'cancelled' | 'expired', at: string, set: Record<string, unknown> = {}) => {
    const steps: Record<string, number> =
      r.status === 'waitlisted'
        ? { [counter(r.attendance, 'Waiting')]: -1 }
        : r.status === 'entered'
          ? { [counter(r.attendance, 'Entered')]: -1 }
          : ['offered', 'pending_payment', 'confirmed'].includes(r.status)
            ? { [counter(r.attendance, 'Taken')]: -1 }
            : {};
    return transact([
      move(r, to, at, { cancelledAt: at, ...set }, ['GSI2PK', 'GSI2SK', 'checkoutUrl']),
      ...(Object.keys(steps).length ? [eventUpdate(r.eventId, steps)] : []),
    ]);
  },

  /** A lottery entry after the draw: a seat (confirmed, or held for payment) or a place in line. */
  drawn: (
    r: Registration,
    at: string,
    outcome:
      | {
          won: true;
          capacity: number;
          code?: string;
          hold?: { checkoutSessionId: string; checkoutUrl: string; holdExpiresAt: string };
        }
      | { won: false; ticket: number },
  ) => {
    const mode = r.attendance;
    if (!outcome.won) {
      const keys = registrationKeys.waitlist(r.eventId, mode, outcome.ticket);
      return transact([
        move(r, 'waitlisted', at, { waitTicket: outcome.ticket, ...keys }),
        eventUpdate(r.eventId, { [counter(mode, 'Entered')]: -1, [counter(mode, 'Waiting')]: 1 }),
      ]);
    }
    const to = outcome.code ? 'confirmed' : 'pending_payment';
    return transact([
      move(r, to, at, outcome.code ? { code: outcome.code } : { ...outcome.hold }),
      eventUpdate(
        r.eventId,
        { [counter(mode, 'Entered')]: -1, [counter(mode, 'Taken')]: 1 },
        seatFree(mode, outcome.capacity, false),
      ),
      ...(outcome.code ? [codePut(r, outcome.code)] : []),
      ...(outcome.hold ? [timerPut('hold', outcome.hold.holdExpiresAt, r)] : []),
    ]);
  },

  /** A confirmed registration that never checked in, after the event. */
  async markNoShow(r: Registration, at: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: T(),
          Key: registrationKeys.primary(r.eventId, r.userId),
          UpdateExpression: 'SET #status = :noShow, updatedAt = :at',
          ConditionExpression: '#status = :confirmed AND attribute_not_exists(checkedInAt)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':noShow': 'no_show', ':confirmed': 'confirmed', ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Checked in once: the first time is kept (a second scan writes nothing, see check-in). */
  async checkIn(r: Registration, at: string): Promise<string> {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: registrationKeys.primary(r.eventId, r.userId),
        UpdateExpression: 'SET checkedInAt = if_not_exists(checkedInAt, :at), updatedAt = :at',
        ConditionExpression: '#status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes?.checkedInAt as string;
  },

  /** Marks the reminder sent, once: false if it had been. */
  async markReminded(r: Registration, at: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: T(),
          Key: registrationKeys.primary(r.eventId, r.userId),
          UpdateExpression: 'SET remindedAt = :at',
          ConditionExpression: 'attribute_not_exists(remindedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Records a refund made for a registration. */
  async recordRefund(r: Registration, refundedJpy: number): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: registrationKeys.primary(r.eventId, r.userId),
        UpdateExpression: 'SET refundedJpy = :jpy',
        ExpressionAttributeValues: { ':jpy': refundedJpy },
      }),
    );
  },

  /** Who holds a check-in code of the event. */
  async byCode(eventId: string, code: string): Promise<Registration | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: T(), Key: registrationKeys.code(eventId, code), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const r = await registrations.get(eventId, Item.userId as string);
    // A code of an earlier registration (cancelled, then signed up again) is no longer anyone's.
    return r?.code === code ? r : undefined;
  },

  async ofEvent(eventId: string): Promise<Registration[]> {
    const items = await queryAll(
      {
        TableName: T(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reg)',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':reg': 'REG#' },
        ConsistentRead: true,
      },
      100_000,
    );
    return items.map(fromItem);
  },

  /** The event's registrations in sign-up order, a page at a time (its staff's list). */
  async pageOfEvent(eventId: string, page: PageRequest): Promise<Page<Registration>> {
    const pk = `EVENT#${eventId}#ROSTER`;
    const out = await queryPage({ index: 'GSI3', pk, forward: true }, page, 'list of registrations');
    return { items: out.items.map(fromItem), nextCursor: out.nextCursor };
  },

  /** The first `n` in a mode's line, in order. */
  async firstWaiting(eventId: string, mode: Attendance, n = 1): Promise<Registration[]> {
    const { Items } = await db().send(
      new QueryCommand({
        TableName: T(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}#WAITLIST#${mode}` },
        Limit: n,
      }),
    );
    return (Items ?? []).map(fromItem);
  },

  /** A waitlisted registration's place in its line: 1 + those before it. */
  async position(r: Registration): Promise<number | undefined> {
    if (r.status !== 'waitlisted' || r.waitTicket === undefined) return undefined;
    let before = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: T(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :me',
          ExpressionAttributeValues: {
            ':pk': `EVENT#${r.eventId}#WAITLIST#${r.attendance}`,
            ':me': ticket(r.waitTicket),
          },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      before += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return before + 1;
  },

  /** A person's registrations, newest first, a page at a time (the cursor: the last one's key). */
  async ofPerson(userId: string, limit: number, cursor?: string) {
    const pk = `USER#${userId}#REGISTRATIONS`;
    const start = cursor
      ? decodeCursor(cursor, PersonCursor, (key) => key.GSI1PK === pk && key.PK.startsWith('EVENT#'))
      : undefined;
    const page = await db().send(
      new QueryCommand({
        TableName: T(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return {
      items: (page.Items ?? []).map(fromItem),
      nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : null,
    };
  },
};
