import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { decodeCursor as decodeSharedCursor, encodeCursor as encodeSharedCursor } from '../data/cursor.ts';
import * as z from '../zod-mini.ts';
import type { BrowseQuery, Project } from './rules.ts';
import { keywordQuery, projectTerms, searchText } from './search-terms.ts';

/**
 * Listing: the entries that make an open project findable, one per facet it can be browsed by, newest first.
 * Each keeps only what filters need; the page itself is read from the projects (BatchGetItem).
 * Access patterns:
 *  - browse(facet, after?)   Query  PK=LIST#<facet>, SK < <cursor>, ScanIndexForward=false, filters on the rest
 *  - newest(facet, limit)    Query  PK=LIST#<facet>, ScanIndexForward=false, Limit (recommendations' candidates)
 *  - publishedBetween(…)     Query  PK=LIST#<facet>, SK BETWEEN <from> AND <before>, filters (saved searches' digests)
 * Facets: ALL · PREF#<code> · MUNI#<code> · SKILL#<tag> · TERM#<term> (keyword index, see shared/search/terms.ts)
 */
export type ListingFacet = `ALL` | `PREF#${string}` | `MUNI#${string}` | `SKILL#${string}` | `TERM#${string}`;

export type ListingEntry = {
  PK: `LIST#${ListingFacet}`;
  SK: string;
  type: 'Listing';
  projectId: string;
  prefectureCode: string;
  municipalityCode: string;
  skills: string[];
  monthlyFeeJpy: number;
  hoursPerMonth: number;
  remote: string;
  shortTime: boolean;
  welcomesTeams: boolean;
  text: string;
};

export const listingKeys = {
  partition: (facet: ListingFacet) => `LIST#${facet}` as const,
  /** Newest first by publication; the id keeps two projects published in the same millisecond apart. */
  sort: (publishedAt: string, projectId: string) => `${publishedAt}#${projectId}`,
};

/** Every facet an open project is listed under. */
export function facetsOf(
  project: Pick<Project, 'prefectureCode' | 'municipalityCode' | 'skills' | 'title' | 'summary'>,
): ListingFacet[] {
  return [
    'ALL',
    `PREF#${project.prefectureCode}`,
    `MUNI#${project.municipalityCode}`,
    ...project.skills.map((s) => `SKILL#${s}` as const),
    ...projectTerms(project).map((t) => `TERM#${t}` as const),
  ];
}

export function listingEntries(project: Project): ListingEntry[] {
  // A hidden project is found nowhere: browse, keyword search and whatever else reads the listings.
  if (project.status !== 'open' || !project.publishedAt || project.hidden) return [];
  const shared = {
    type: 'Listing' as const,
    SK: listingKeys.sort(project.publishedAt, project.id),
    projectId: project.id,
    prefectureCode: project.prefectureCode,
    municipalityCode: project.municipalityCode,
    skills: project.skills,
    monthlyFeeJpy: project.monthlyFeeJpy,
    hoursPerMonth: project.hoursPerMonth,
    remote: project.remote,
    shortTime: project.shortTime,
    welcomesTeams: project.welcomesTeams === true,
    text: searchText(project),
  };
  return facetsOf(project).map((facet) => ({ ...shared, PK: listingKeys.partition(facet) }));
}

const ListingCursor = /* @__PURE__ */ z.pure(() =>
  z.object({
    PK: z.string().check(z.startsWith('LIST#')),
    SK: z.string().check(z.maxLength(200)),
  }),
);
export type ListingCursor = z.output<typeof ListingCursor>;

const encodeCursor = (key: ListingCursor) => encodeSharedCursor({ PK: key.PK, SK: key.SK });
const decodeCursor = (cursor: string, partition: string): ListingCursor =>
  decodeSharedCursor(cursor, ListingCursor, (key) => key.PK === partition, 'search');

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
  if (query.teams === 'true') add('welcomesTeams = :teams', 'teams', true);
  keyword?.words.forEach((word, i) => {
    names['#text'] = 'text';
    add(`contains(#text, :w${i})`, `w${i}`, word);
  });
  return { partition: listingKeys.partition(facet), filters, values, names, keyword };
}

export type ListingSearch = ReturnType<typeof plan>;

export const listings = {
  encodeCursor,
  decodeCursor,

  /** One Query of a listing partition, newest first, the other filters applied by DynamoDB (never a Scan). */
  async read(
    search: ListingSearch,
    page: { limit: number; start?: ListingCursor | undefined; measure?: { readUnits: number } | undefined },
  ): Promise<{ entries: ListingEntry[]; next?: ListingCursor }> {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': search.partition, ...search.values },
        ...(Object.keys(search.names).length ? { ExpressionAttributeNames: search.names } : {}),
        ...(search.filters.length ? { FilterExpression: search.filters.join(' AND ') } : {}),
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: page.start,
        ReturnConsumedCapacity: page.measure ? 'TOTAL' : undefined,
      }),
    );
    if (page.measure) page.measure.readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
    const next = out.LastEvaluatedKey as ListingCursor | undefined;
    return { entries: (out.Items ?? []) as ListingEntry[], ...(next ? { next } : {}) };
  },

  /** The `limit` newest entries of one facet: one Query, no filter, so its cost is bounded by `limit` alone. */
  async newest(facet: ListingFacet, limit: number, measure?: { readUnits: number }): Promise<ListingEntry[]> {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': listingKeys.partition(facet) },
        ScanIndexForward: false,
        Limit: limit,
        ReturnConsumedCapacity: measure ? 'TOTAL' : undefined,
      }),
    );
    if (measure) measure.readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
    return (out.Items ?? []) as ListingEntry[];
  },

  /**
   * What a search's partition got published in [from, before), newest first, its filters applied: the sort key
   * begins with `publishedAt`, so "new since" is a key condition (BETWEEN: no entry's key equals `before`, which
   * has no `#<id>`). The first `max` entries, and how many matched in all, counted over at most 5 reads.
   */
  async publishedBetween(
    search: ListingSearch,
    window: { from: string; before: string },
    max: number,
  ): Promise<{ entries: ListingEntry[]; matched: number }> {
    const entries: ListingEntry[] = [];
    let matched = 0;
    let start: Record<string, unknown> | undefined;
    for (let read = 0; read < 5; read++) {
      const out = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :before',
          ExpressionAttributeValues: {
            ':pk': search.partition,
            ':from': window.from,
            ':before': window.before,
            ...search.values,
          },
          ...(Object.keys(search.names).length ? { ExpressionAttributeNames: search.names } : {}),
          ...(search.filters.length ? { FilterExpression: search.filters.join(' AND ') } : {}),
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) if (entries.length < max) entries.push(item as ListingEntry);
      matched += out.Count ?? 0;
      start = out.LastEvaluatedKey;
      if (!start) break;
    }
    return { entries, matched };
  },

  /** Removes and (re)writes entries, 25 a batch, retrying what DynamoDB left unprocessed. Idempotent. */
  async write(remove: Pick<ListingEntry, 'PK' | 'SK'>[], put: ListingEntry[]): Promise<void> {
    const requests: Record<string, unknown>[] = [
      ...remove.map((Key) => ({ DeleteRequest: { Key } })),
      ...put.map((Item) => ({ PutRequest: { Item } })),
    ];
    for (let i = 0; i < requests.length; i += 25) {
      let batch: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
      for (let attempt = 0; batch?.length; attempt++) {
        if (attempt === 8) throw new Error('listing writes left unprocessed');
        if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out = await db().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: batch as never } }),
        );
        batch = out.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
      }
    }
  },
};
