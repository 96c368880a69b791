import { BatchWriteCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { queryAll } from '../data/query.ts';

/**
 * Timer: something that falls due at a time (a lottery at its deadline, an offer or a paid hold running out,
 * a reminder, the no-show sweep), so the scheduled job finds what is due by one Query instead of a Scan.
 * Access patterns:
 *  - due(kind, until)   Query  PK=DUE#<kind>, SK <= <until UTC>~ (oldest first)
 * A timer is written with what it times (in the same transaction for offers and holds) and deleted once
 * its work is done; the work itself is idempotent, so a timer run twice changes nothing the second time.
 */
export const TIMER_KINDS = ['draw', 'reminder', 'no_show', 'offer', 'hold'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];
export type Timer = { kind: TimerKind; dueAt: string; ref: string; sk: string };

export const timerKeys = {
  primary: (kind: TimerKind, dueAt: string, ref: string) => ({
    PK: `DUE#${kind}`,
    SK: `${new Date(dueAt).toISOString()}#${ref}`,
  }),
};

export const timers = {
  /** As a part of a transaction. */
  put: (kind: TimerKind, dueAt: string, ref: string) => ({
    Put: {
      TableName: tableName(),
      Item: { ...timerKeys.primary(kind, dueAt, ref), type: 'Timer', kind, dueAt, ref },
    },
  }),

  /** Several at once (an event's draw, reminder and no-show sweep when it is published). */
  async putAll(list: { kind: TimerKind; dueAt: string; ref: string }[]): Promise<void> {
    if (list.length === 0) return;
    await db().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName()]: list.map((t) => ({
            PutRequest: { Item: timers.put(t.kind, t.dueAt, t.ref).Put.Item },
          })),
        },
      }),
    );
  },

  async due(kind: TimerKind, until: Date, max = 500): Promise<Timer[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK <= :until',
        ExpressionAttributeValues: { ':pk': `DUE#${kind}`, ':until': `${until.toISOString()}~` },
      },
      max,
    );
    return items.map((i) => ({ kind, dueAt: i.dueAt as string, ref: i.ref as string, sk: i.SK as string }));
  },

  async done(t: Timer): Promise<void> {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: { PK: `DUE#${t.kind}`, SK: t.sk } }));
  },
};
