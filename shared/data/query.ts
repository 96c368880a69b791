import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { db, tableName } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { IndexName } from './table.ts';

/** Every page of a Query, up to `max` items: the lists a person sees are short, but never unbounded. */
export async function queryAll(input: QueryCommandInput, max = 1000): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && out.length < max);
  return out;
}

/** A page of a list: at most `limit` items from `cursor` on (the nextCursor of the page before). */
export type PageRequest = { limit: number; cursor?: string | undefined };
export type Page<T> = { items: T[]; nextCursor: string | null };

const KeyCursor = z.record(z.string().max(100), z.string().max(1000));

/**
 * One page of an index partition, in sort-key order (`forward`) or newest first: the cursor is the last item's
 * key, and only a key of the same partition is taken back, so a cursor of another list is a 400, not a 500.
 */
export async function queryPage(
  where: { index: IndexName; pk: string; forward: boolean },
  page: PageRequest,
  list: string,
): Promise<Page<Record<string, unknown>>> {
  const attribute = `${where.index}PK`;
  const start = page.cursor
    ? decodeCursor(page.cursor, KeyCursor, (key) => key[attribute] === where.pk, list)
    : undefined;
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: where.index,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': where.pk },
      ScanIndexForward: where.forward,
      Limit: page.limit,
      ExclusiveStartKey: start,
    }),
  );
  return {
    items: out.Items ?? [],
    nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null,
  };
}
