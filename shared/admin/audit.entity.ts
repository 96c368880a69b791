import { randomUUID } from 'node:crypto';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import { type Stored, strip } from '../data/entity.ts';
import { retryOnConflict } from '../data/transaction.ts';
import * as z from '../zod-mini.ts';
import type { AuditAction, AuditTarget } from './rules.ts';

/**
 * The audit trail: one entry per operator action, written in the same transaction as the change it records
 * (so no change goes unrecorded, and no entry records a change that failed).
 * Access patterns:
 *  - newest(limit, after?)   Query  PK=AUDIT, SK < <cursor>, ScanIndexForward=false   (SK <at ISO>#<id>)
 * One partition for every entry: operators act a few times a day, far below what one partition takes, and its
 * reads are consistent (an action shows in the trail at once).
 */
export type AuditEntry = {
  id: string;
  at: string;
  action: AuditAction;
  operatorId: string;
  operatorName: string;
  target: { kind: AuditTarget; id: string; label?: string };
  reason?: string;
  details?: Record<string, string | number | boolean | null>;
};
type AuditItem = Omit<Stored<AuditEntry, 'AuditEntry'>, 'updatedAt'>;

export const auditKeys = {
  partition: 'AUDIT',
  entry: (e: Pick<AuditEntry, 'at' | 'id'>) => ({ PK: 'AUDIT', SK: `${e.at}#${e.id}` }),
};

const AuditCursor = /* @__PURE__ */ z.pure(() =>
  z.strictObject({ PK: z.literal('AUDIT'), SK: z.string().check(z.maxLength(200)) }),
);

/** A transaction's part from another entity: `users.suspension(…)`, `projects.hiding(…)`. */
type Part = Record<string, unknown>;

export const audit = {
  /** A new entry of an action done now by an operator (its id and time given here). */
  entry(e: Omit<AuditEntry, 'id'>): AuditEntry {
    return { ...e, id: randomUUID() };
  },

  /**
   * The change's parts and the entry, all or nothing. A part whose condition fails cancels the whole
   * (TransactionCanceledException, reasons in the parts' order); a mere conflict is retried.
   */
  async record(entry: AuditEntry, ...parts: Part[]): Promise<void> {
    const item: AuditItem = { ...entry, ...auditKeys.entry(entry), type: 'AuditEntry', createdAt: entry.at };
    await retryOnConflict(() =>
      db().send(
        new TransactWriteCommand({
          TransactItems: [
            ...(parts as never[]),
            { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      ),
    );
  },

  /** The newest entries first, a page at a time. */
  async page(limit: number, cursor?: string): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const start = cursor ? decodeCursor(cursor, AuditCursor, () => true, 'audit trail') : undefined;
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.partition },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const items = (out.Items ?? []).map((item) => {
      const { createdAt, ...entry } = strip(item as AuditItem);
      return entry as AuditEntry;
    });
    const next = out.LastEvaluatedKey;
    return { items, nextCursor: next ? encodeCursor(next) : null };
  },
};
