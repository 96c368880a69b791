import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod-mini.ts';
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

const KeyCursor = /* @__PURE__ */ z.pure(() =>
  z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(1000))),
);

/** Where a page is read: an index partition, in sort-key order (`forward`) or newest first. */
export type PageWhere = {
  index: IndexName;
  pk: string;
  forward: boolean;
  /** A narrower key condition: sort keys with this prefix, or greater than this value. */
  sk?: { beginsWith: string } | { after: string };
  /**
   * Items the list leaves out (a FilterExpression; its values must not be named `:pk` or `:sk`). DynamoDB
   * counts `Limit` before filtering, so the page reads on, at most `MAX_FILTERED_READS` Queries, until it has
   * `limit` items; a page may still come back short (its nextCursor then goes on from where it stopped).
   */
  filter?: { expression: string; values: Record<string, unknown> };
};
const MAX_FILTERED_READS = 5;

/**
 * One page of an index partition, in sort-key order (`forward`) or newest first: the cursor is the last item's
 * key, and only a key of the same partition (and sort-key range) is taken back, so a cursor of another list is
 * a 400, not a 500.
 */
export async function queryPage(
  where: PageWhere,
  page: PageRequest,
  list: string,
): Promise<Page<Record<string, unknown>>> {
  const attribute = `${where.index}PK`;
  const sortKey = `${where.index}SK`;
  const prefix = where.sk && 'beginsWith' in where.sk ? where.sk.beginsWith : undefined;
  const after = where.sk && 'after' in where.sk ? where.sk.after : undefined;
  let start: Record<string, unknown> | undefined = page.cursor
    ? decodeCursor(
        page.cursor,
        KeyCursor,
        (key) => key[attribute] === where.pk && (prefix === undefined || !!key[sortKey]?.startsWith(prefix)),
        list,
      )
    : undefined;
  // A range that moved on past the cursor (`after` is a time): what follows it is what the range holds now.
  if (start && after !== undefined && String(start[sortKey]) <= after) start = undefined;
  const condition = `${attribute} = :pk${
    prefix !== undefined
      ? ` AND begins_with(${sortKey}, :sk)`
      : after !== undefined
        ? ` AND ${sortKey} > :sk`
        : ''
  }`;
  const items: Record<string, unknown>[] = [];
  let reads = 0;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: where.index,
        KeyConditionExpression: condition,
        ...(where.filter ? { FilterExpression: where.filter.expression } : {}),
        ExpressionAttributeValues: {
          ':pk': where.pk,
          ...(where.sk ? { ':sk': prefix ?? after } : {}),
          ...where.filter?.values,
        },
        ScanIndexForward: where.forward,
        Limit: page.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
    reads++;
  } while (where.filter && start && items.length < page.limit && reads < MAX_FILTERED_READS);
  return { items, nextCursor: start ? encodeCursor(start) : null };
}
