import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import type { Stored } from '../data/entity.ts';
import { type Page, type PageRequest, queryPage } from '../data/query.ts';
import { MAIL_CLAIM_MINUTES, type MailState, UNDELIVERED_MAIL_DAYS } from './rules.ts';
import type { Mail } from './templates.ts';

/**
 * OutboxMail: a mail SES refused, kept until it is delivered (then deleted) or given up (then kept for the
 * operators until DynamoDB's TTL removes it).
 * Access patterns:
 *  - due(at)            Query  GSI1 GSI1PK=MAIL#RETRYING, GSI1SK <= <at ISO>  (soonest try first; no scan)
 *  - page('retrying')   Query  GSI1 GSI1PK=MAIL#RETRYING, soonest first
 *  - page('undelivered')Query  GSI1 GSI1PK=MAIL#UNDELIVERED, GSI1SK=<given up at>#<id>, latest first
 */
export type OutboxMail = Mail & {
  id: string;
  to: string;
  status: MailState;
  attempts: number;
  errorName: string;
  httpStatus?: number;
  nextAttemptAt?: string;
};
type OutboxItem = Stored<OutboxMail, 'OutboxMail'> & { expiresAtEpoch: number };
type Refusal = { errorName: string; httpStatus?: number };

const PARTITION: Record<MailState, string> = { retrying: 'MAIL#RETRYING', undelivered: 'MAIL#UNDELIVERED' };

export const outboxKeys = {
  primary: (id: string) => ({ PK: `MAIL#${id}`, SK: 'MAIL' }),
  retrying: (nextAttemptAt: string, id: string) => ({
    GSI1PK: PARTITION.retrying,
    GSI1SK: `${nextAttemptAt}#${id}`,
  }),
  undelivered: (at: string, id: string) => ({ GSI1PK: PARTITION.undelivered, GSI1SK: `${at}#${id}` }),
};

function fromItem(item: Record<string, unknown>): OutboxMail {
  const { PK, SK, GSI1PK, GSI1SK, type, expiresAtEpoch, createdAt, updatedAt, ...mail } = item as OutboxItem;
  return mail as OutboxMail;
}

export type OutboxMailView = OutboxMail & { createdAt: string; updatedAt: string };
const viewOf = (item: Record<string, unknown>) => ({
  ...fromItem(item),
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

/** The state a settled try leaves: the next try's time, or given up. */
const stateAfter = (id: string, nextAttemptAt: string | undefined, at: string) =>
  nextAttemptAt
    ? { status: 'retrying' as const, keys: outboxKeys.retrying(nextAttemptAt, id) }
    : { status: 'undelivered' as const, keys: outboxKeys.undelivered(at, id) };

export const outbox = {
  /** A mail refused on its first try: waiting for its next one, or given up at once. */
  async record(to: string, mail: Mail, refusal: Refusal, nextAttemptAt: string | undefined, at: Date) {
    const id = randomUUID();
    const iso = at.toISOString();
    const { status, keys } = stateAfter(id, nextAttemptAt, iso);
    const item: OutboxItem = {
      ...outboxKeys.primary(id),
      ...keys,
      type: 'OutboxMail',
      id,
      to,
      template: mail.template,
      subject: mail.subject,
      text: mail.text,
      status,
      attempts: 1,
      ...refusal,
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
      createdAt: iso,
      updatedAt: iso,
      expiresAtEpoch: Math.floor(at.getTime() / 1000) + UNDELIVERED_MAIL_DAYS * 86_400,
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: item }));
    return fromItem(item);
  },

  /** Mail whose next try is due at `at`, soonest first. */
  async due(at: Date, limit = 100): Promise<OutboxMail[]> {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :at',
        // '~' sorts after the '#<id>' that follows the time: a try due exactly at `at` is included.
        ExpressionAttributeValues: { ':pk': PARTITION.retrying, ':at': `${at.toISOString()}~` },
        Limit: limit,
      }),
    );
    return Items.map(fromItem);
  },

  /**
   * Takes the next try of a due mail: one more attempt, and its place moved past the claim window so that a
   * job dying mid-send leaves it to a later run. False if another run took it first.
   */
  async claim(mail: OutboxMail, at: Date): Promise<boolean> {
    const lease = new Date(at.getTime() + MAIL_CLAIM_MINUTES * 60_000).toISOString();
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: outboxKeys.primary(mail.id),
          UpdateExpression: 'SET attempts = :next, GSI1SK = :sk, nextAttemptAt = :lease, updatedAt = :now',
          ConditionExpression: 'attempts = :attempts AND #status = :retrying',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':next': mail.attempts + 1,
            ':attempts': mail.attempts,
            ':retrying': 'retrying',
            ':sk': outboxKeys.retrying(lease, mail.id).GSI1SK,
            ':lease': lease,
            ':now': at.toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  /** Delivered on a retry: nothing left to keep. */
  async delivered(mail: OutboxMail): Promise<void> {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: outboxKeys.primary(mail.id) }));
  },

  /** A claimed try refused again: waits for the next one, or is given up. */
  async refusedAgain(mail: OutboxMail, refusal: Refusal, nextAttemptAt: string | undefined, at: Date) {
    const iso = at.toISOString();
    const { status, keys } = stateAfter(mail.id, nextAttemptAt, iso);
    const set = [
      '#status = :status',
      'GSI1PK = :pk',
      'GSI1SK = :sk',
      'errorName = :error',
      'updatedAt = :now',
    ];
    const remove: string[] = [];
    if (refusal.httpStatus) set.push('httpStatus = :http');
    else remove.push('httpStatus');
    if (nextAttemptAt) set.push('nextAttemptAt = :next');
    else remove.push('nextAttemptAt');
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: outboxKeys.primary(mail.id),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':pk': keys.GSI1PK,
          ':sk': keys.GSI1SK,
          ':error': refusal.errorName,
          ':now': iso,
          ...(refusal.httpStatus ? { ':http': refusal.httpStatus } : {}),
          ...(nextAttemptAt ? { ':next': nextAttemptAt } : {}),
        },
      }),
    );
  },

  /** The operators' view of one state: retrying soonest first, undelivered latest first. */
  async page(status: MailState, page: PageRequest): Promise<Page<OutboxMailView>> {
    const out = await queryPage(
      { index: 'GSI1', pk: PARTITION[status], forward: status === 'retrying' },
      page,
      `list of ${status} mail`,
    );
    return { items: out.items.map(viewOf), nextCursor: out.nextCursor };
  },
};
