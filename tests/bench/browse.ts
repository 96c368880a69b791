import { DeleteTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/client.ts';
import { browseProjects, plan } from '#shared/projects/browse.ts';
import type { ListingEntry } from '#shared/projects/listing.entity.ts';
import { projectKeys } from '#shared/projects/project.entity.ts';
import { BrowseQuery } from '#shared/projects/rules.ts';
import { ensureTable } from '../../infra/local/dynamodb.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import {
  type PostingStyle,
  progressBar,
  type SeedResult,
  seedProjects,
} from '../../scripts/seed-projects.ts';
import { interleavedAll, percentile } from './stats.ts';

/**
 * Browse and keyword search at two catalogue sizes, in one table of one local cloud:
 *  - through the local gateway (`GET /v1/projects?…`: HTTP, Lambda event, middleware, validation, one Query or
 *    a few on a listing partition, one BatchGetItem, JSON) against a bare SDK `Query` that reads the same page
 *    (built from the same `plan()`, same Limit, same loop), interleaved;
 *  - the same page at the large size against the small one;
 *  - read capacity per page: the listing Query (what `browseProjects` measures) and the BatchGetItem.
 */

/** Representative filters: one partition alone, a partition with a filter, and the two facets people combine. */
export const FILTERS = [
  { label: 'Hokkaido', qs: 'prefecture=01' },
  { label: 'marketing, fully remote', qs: 'skill=marketing&remote=full' },
  { label: 'Nagano × DX', qs: 'prefecture=20&skill=dx' },
] as const;

/** Keyword searches: a Japanese word (looked up by a bigram), an English one, a rare one, and two words. */
export const KEYWORDS = [
  { label: 'ふるさと納税', qs: 'q=ふるさと納税' },
  { label: 'EC', qs: 'q=EC' },
  { label: 'kintone', qs: 'q=kintone' },
  { label: 'ふるさと納税 定期便', qs: 'q=ふるさと納税 定期便' },
] as const;

/** browseProjects' own bound on Queries per page (shared/projects/browse.ts MAX_READS, not exported). */
const MAX_READS = 5;

type Case = { label: string; qs: string };

export type CaseFigures = {
  label: string;
  qs: string;
  partition: string;
  filter: string;
  items: number;
  reads: number;
  scanned: number;
  api: { p50: number; p99: number };
  query: { p50: number; p99: number };
  queryAndGet: { p50: number; p99: number };
  /** Read capacity units per page, as DynamoDB Local reports them (ReturnConsumedCapacity: TOTAL). */
  rcu: { query: number; batchGet: number };
};

const parse = (qs: string) => BrowseQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
const url = (cloud: LocalCloud, qs: string) => `${cloud.url}/v1/projects?${new URLSearchParams(qs)}`;

/** What browseProjects does against DynamoDB, without the BatchGetItem: the listing Queries of page 1. */
async function barePage(query: BrowseQuery, client = db(), table = tableName()) {
  const { partition, filters, values, names } = plan(query);
  const found: ListingEntry[] = [];
  let start: Record<string, unknown> | undefined;
  let reads = 0;
  let scanned = 0;
  let rcu = 0;
  for (let read = 0; read < MAX_READS; read++) {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition, ...values },
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ScanIndexForward: false,
        Limit: Math.max(query.limit * 2, 40),
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    reads++;
    scanned += page.ScannedCount ?? 0;
    rcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const item of (page.Items ?? []) as ListingEntry[]) {
      if (found.length === query.limit) break;
      found.push(item);
    }
    start = page.LastEvaluatedKey;
    if (found.length === query.limit || !start) break;
  }
  return { ids: found.map((e) => e.projectId), reads, scanned, rcu };
}

async function batchGet(ids: string[], client = db(), table = tableName()) {
  if (!ids.length) return 0;
  const out = await client.send(
    new BatchGetCommand({
      RequestItems: { [table]: { Keys: ids.map((id) => projectKeys.primary(id)) } },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  if (out.UnprocessedKeys?.[table]?.Keys?.length) throw new Error('BatchGetItem left keys unprocessed');
  return out.ConsumedCapacity?.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) ?? 0;
}

async function measureCase(cloud: LocalCloud, c: Case, rounds: number): Promise<CaseFigures> {
  const query = parse(c.qs);
  const { partition, filters } = plan(query);
  const viaApi = async () => {
    const res = await fetch(url(cloud, c.qs));
    if (res.status !== 200) throw new Error(`GET /v1/projects?${c.qs} answered ${res.status}`);
    return (await res.json()) as { items: { id: string }[] };
  };
  // Same page, or the comparison means nothing.
  const api = await viaApi();
  const bare = await barePage(query);
  const apiIds = api.items.map((p) => p.id).join();
  if (apiIds !== bare.ids.join())
    throw new Error(`${c.qs}: the gateway's page and the bare Query's page differ`);
  const measure = { readUnits: 0 };
  await browseProjects(query, measure);
  const batchGetUnits = await batchGet(bare.ids);

  const fns = [
    async () => {
      const res = await fetch(url(cloud, c.qs));
      if (res.status !== 200) throw new Error(`GET /v1/projects?${c.qs} answered ${res.status}`);
      await res.arrayBuffer();
    },
    () => barePage(query),
    async () => batchGet((await barePage(query)).ids),
  ];
  await interleavedAll(40, fns); // warm-up: JIT, connections, SQLite pages
  const [a, b, q] = (await interleavedAll(rounds, fns)) as [number[], number[], number[]];
  const p = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });
  return {
    label: c.label,
    qs: c.qs,
    partition,
    filter: filters.join(' AND '),
    items: bare.ids.length,
    reads: bare.reads,
    scanned: bare.scanned,
    api: p(a),
    query: p(b),
    queryAndGet: p(q),
    rcu: { query: measure.readUnits, batchGet: batchGetUnits },
  };
}

export type SizeFigures = { projects: number; filters: CaseFigures[]; keywords: CaseFigures[] };

async function measureSize(cloud: LocalCloud, projects: number, rounds: number): Promise<SizeFigures> {
  // Warm the whole path first (JIT, connections, DynamoDB Local's caches), so the first case is not the slowest.
  const all = [...FILTERS, ...KEYWORDS];
  for (let i = 0; i < 60; i++) {
    for (const c of all) {
      await (await fetch(url(cloud, c.qs))).arrayBuffer();
      await barePage(parse(c.qs));
    }
  }
  const filters: CaseFigures[] = [];
  for (const c of FILTERS) filters.push(await measureCase(cloud, c, rounds));
  const keywords: CaseFigures[] = [];
  for (const c of KEYWORDS) keywords.push(await measureCase(cloud, c, rounds));
  return { projects, filters, keywords };
}

/** Capacity per page on full-length postings (≈ 65 listing entries each), in a table of their own. */
async function capacityOnFullPostings(cloud: LocalCloud, count: number, now: number) {
  const raw = new DynamoDBClient({
    endpoint: cloud.dynamodbEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const table = `${cloud.tableName}-full-postings`;
  await ensureTable(raw, table);
  await raw.send(new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: false } }));
  try {
    const seeded = await seedProjects({ count, now, postings: 'full', client, tableName: table });
    const cases = [];
    for (const c of [...FILTERS, ...KEYWORDS]) {
      const page = await barePage(parse(c.qs), client, table);
      cases.push({
        label: c.label,
        items: page.ids.length,
        reads: page.reads,
        query: page.rcu,
        batchGet: await batchGet(page.ids, client, table),
      });
    }
    return { seeded, cases };
  } finally {
    await raw.send(new DeleteTableCommand({ TableName: table }));
  }
}

export type BrowseFigures = {
  postings: PostingStyle;
  small: SizeFigures;
  large?: SizeFigures;
  seeding: SeedResult[];
  fullPostings: Awaited<ReturnType<typeof capacityOnFullPostings>>;
};

/**
 * Seeds `small` projects, measures, seeds up to `large` in the same table (the same first `small` projects,
 * so page 1 is read the same way), measures again.
 */
export async function measureBrowse(
  cloud: LocalCloud,
  opts: { small: number; large: number; rounds: number; postings: PostingStyle },
): Promise<BrowseFigures> {
  // The listings are written here directly (as the stream consumer would); with the stream on, the local
  // poller would write every one of them a second time while we measure. In AWS the consumer is another
  // Lambda and does not share a CPU with the reads.
  const raw = new DynamoDBClient({
    endpoint: cloud.dynamodbEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await raw.send(
    new UpdateTableCommand({ TableName: cloud.tableName, StreamSpecification: { StreamEnabled: false } }),
  );
  const now = Date.now();
  const seed = 42;

  console.log(`Capacity per page on 1,000 full-length postings (a table of their own)…`);
  const fullPostings = await capacityOnFullPostings(cloud, 1_000, now);

  const seeding: SeedResult[] = [];
  const seedRange = async (from: number, count: number) => {
    seeding.push(
      await seedProjects({
        count,
        from,
        seed,
        now,
        postings: opts.postings,
        onProgress: progressBar('seeding'),
      }),
    );
  };
  await seedRange(0, opts.small);
  console.log(`Browse and keyword search at ${opts.small.toLocaleString('en')} projects…`);
  const small = await measureSize(cloud, opts.small, opts.rounds);
  if (opts.large <= opts.small) return { postings: opts.postings, small, seeding, fullPostings };

  await seedRange(opts.small, opts.large - opts.small);
  console.log(`Browse and keyword search at ${opts.large.toLocaleString('en')} projects…`);
  const large = await measureSize(cloud, opts.large, opts.rounds);
  return { postings: opts.postings, small, large, seeding, fullPostings };
}
