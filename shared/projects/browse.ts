import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { db, tableName } from '../data/client.ts';
import { type ListingEntry, type ListingFacet, listingKeys } from './listing.entity.ts';
import { projects } from './project.entity.ts';
import type { BrowseQuery } from './rules.ts';
import { ValidationError } from '../domain/errors.ts';
import { keywordQuery } from './search-terms.ts';
import { projectView } from './view.ts';

const Cursor = z.object({ PK: z.string().startsWith('LIST#'), SK: z.string().max(200) });
type Cursor = z.output<typeof Cursor>;

const encode = (key: Cursor) => Buffer.from(JSON.stringify({ PK: key.PK, SK: key.SK })).toString('base64url');
function decode(cursor: string, partition: string): Cursor {
  try {
    const key = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (key.PK !== partition) throw new Error('cursor of another search');
    return key;
  } catch {
    throw new ValidationError('The cursor is not valid for this search.', [
      { path: 'query.cursor', message: 'Use the nextCursor of the previous page of the same search.' },
    ]);
  }
}

/** The most selective facet the query names: it becomes the partition read; the rest are filters. */
export function plan(query: BrowseQuery) {
  const keyword = query.q ? keywordQuery(query.q) : undefined;
  const facet: ListingFacet = keyword
    ? `TERM#${keyword.term}`
    : query.municipality
      ? `MUNI#${query.municipality}`
      : query.skill
        ? `SKILL#${query.skill}`
        : query.prefecture
          ? `PREF#${query.prefecture}`
          : 'ALL';
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  const add = (expression: string, name: string, value: unknown) => {
    filters.push(expression);
    values[`:${name}`] = value;
  };
  if (query.prefecture && facet !== `PREF#${query.prefecture}`)
    add('prefectureCode = :pref', 'pref', query.prefecture);
  if (query.municipality && facet !== `MUNI#${query.municipality}`)
    add('municipalityCode = :muni', 'muni', query.municipality);
  if (query.skill && facet !== `SKILL#${query.skill}`) add('contains(skills, :skill)', 'skill', query.skill);
  if (query.minFee !== undefined) add('monthlyFeeJpy >= :minFee', 'minFee', query.minFee);
  if (query.maxHours !== undefined) add('hoursPerMonth <= :maxHours', 'maxHours', query.maxHours);
  if (query.remote) add('remote = :remote', 'remote', query.remote);
  if (query.shortTime) add('shortTime = :short', 'short', query.shortTime === 'true');
  keyword?.words.forEach((word, i) => {
    names['#text'] = 'text';
    add(`contains(#text, :w${i})`, `w${i}`, word);
  });
  return { partition: listingKeys.partition(facet), filters, values, names, keyword };
}

/** Reads per page at most: a very selective filter returns a shorter page with a cursor, never a long wait. */
const MAX_READS = 5;

/**
 * Open projects, newest first, filtered, one page. A Query on one listing partition (never a Scan), the
 * other filters applied by DynamoDB, then one BatchGetItem for the projects themselves.
 */
export async function browseProjects(query: BrowseQuery, measure?: { readUnits: number }) {
  const { partition, filters, values, names } = plan(query);
  let start: Record<string, unknown> | undefined = query.cursor ? decode(query.cursor, partition) : undefined;
  const found: ListingEntry[] = [];
  let nextKey: Cursor | undefined;
  for (let read = 0; read < MAX_READS; read++) {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition, ...values },
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ScanIndexForward: false,
        Limit: Math.max(query.limit * 2, 40),
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: measure ? 'TOTAL' : undefined,
      }),
    );
    if (measure) measure.readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const item of (page.Items ?? []) as ListingEntry[]) {
      if (found.length === query.limit) break;
      found.push(item);
    }
    start = page.LastEvaluatedKey;
    if (found.length === query.limit) {
      const last = found.at(-1) as ListingEntry;
      nextKey = { PK: last.PK, SK: last.SK };
      break;
    }
    if (!start) break;
    nextKey = start as Cursor;
  }
  const page = await projects.byIds(found.map((entry) => entry.projectId));
  // A listing can outlive its project's closing by a moment (it is maintained from the stream).
  const items = page.filter((p) => p.status === 'open').map(projectView);
  return { items, nextCursor: nextKey ? encode(nextKey) : null };
}
