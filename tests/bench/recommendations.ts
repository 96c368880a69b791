import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ProfileInput, TIES } from '#shared/accounts/rules.ts';
import { users } from '#shared/accounts/user.entity.ts';
import { db, tableName } from '#shared/data/client.ts';
import type { ListingEntry } from '#shared/projects/listing.entity.ts';
import { projectKeys } from '#shared/projects/project.entity.ts';
import { candidateOf, myRecommendations } from '#shared/recommendations/my-recommendations.ts';
import {
  candidatePartitions,
  ENTRIES_PER_PARTITION,
  type FitProfile,
  PAGE_MARGIN,
  rank,
} from '#shared/recommendations/rules.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { progressBar, type SeedResult, seedProjects } from '../../scripts/seed-projects.ts';
import { idToken } from './get-me.ts';
import { interleavedAll, ms, percentile, ratio } from './stats.ts';

/**
 * `GET /v1/me/recommendations` at two catalogue sizes, in one table of one local cloud:
 *  - through the local gateway (JWT, the caller's profile, ≤ 21 listing Queries at once, scoring, one
 *    BatchGetItem, JSON) against the bare SDK calls that do the same reads (same partitions, same Limit, the
 *    same ranking, the same BatchGetItem), interleaved;
 *  - the same requests at the large size against the small one;
 *  - read capacity per request: the listing Queries (as `myRecommendations` measures them) and the BatchGetItem.
 * The catalogue is `scripts/seed-projects.ts`' (seed 12, brief postings) without the keyword index's entries,
 * which recommendations never read: 100,000 projects seed in minutes instead of a quarter of an hour.
 */
const LIMIT = 20;
const SEED = 12;

const skillTags = ['dx', 'marketing', 'ec', 'sns', 'furusato-nozei', 'design', 'hiring', 'web', 'data'];
export const PROFILES: { label: string; profile: FitProfile }[] = [
  {
    label: 'two skills, a hometown prefecture, a donor town, a wide-area group',
    profile: {
      skills: ['ec', 'marketing'],
      hoursPerMonth: 30,
      workStyle: 'remote',
      regionsOfInterest: [
        { regionCode: '31', ties: ['hometown'] },
        { regionCode: '32525', ties: ['furusato_donor'] },
        { regionCode: 'amami', ties: ['interest'] },
      ],
    },
  },
  {
    label: 'the widest profile: 20 skills, 20 regions with every tie',
    profile: {
      skills: [...skillTags, ...Array.from({ length: 11 }, (_, i) => `extra-${i}`)],
      hoursPerMonth: 40,
      workStyle: 'hybrid',
      regionsOfInterest: [
        { regionCode: 'amami', ties: ['interest'] },
        ...Array.from({ length: 19 }, (_, i) => ({
          regionCode: String(i + 1).padStart(2, '0'),
          ties: [...TIES],
        })),
      ],
    },
  },
  { label: 'no skills, no ties: the newest', profile: {} },
];

type Person = { label: string; token: string; userId: string; profile: FitProfile };

async function professional(
  cloud: LocalCloud,
  n: number,
  label: string,
  profile: FitProfile,
): Promise<Person> {
  const email = `bench-reco-${Date.now()}-${n}@bench.kakehashi.jp`;
  const password = 'bench-password-1';
  const signUp = await fetch(cloud.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: cloud.clientId, Username: email, Password: password }),
  });
  if (!signUp.ok) throw new Error(`sign-up of ${email}: ${signUp.status} ${await signUp.text()}`);
  const token = await idToken(cloud, email, password);
  const body: ProfileInput = { role: 'professional', displayName: `ベンチ ${n}`, ...profile };
  const put = await fetch(`${cloud.url}/v1/me`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!put.ok) throw new Error(`PUT /v1/me: ${put.status} ${await put.text()}`);
  const userId = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
  return { label, token, userId, profile };
}

/** What myRecommendations does against DynamoDB, without HTTP and the profile's GetItem: the same reads. */
async function bare(profile: FitProfile) {
  const { basis, facets } = candidatePartitions(profile);
  const perPartition = basis === 'newest' ? LIMIT + PAGE_MARGIN : ENTRIES_PER_PARTITION;
  const pages = await Promise.all(
    facets.map((facet) =>
      db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `LIST#${facet}` },
          ScanIndexForward: false,
          Limit: perPartition,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    ),
  );
  const entries = pages.flatMap((p) => (p.Items ?? []) as ListingEntry[]);
  const best = rank(basis === 'newest' ? {} : profile, entries.map(candidateOf)).slice(
    0,
    LIMIT + PAGE_MARGIN,
  );
  const got = best.length
    ? await db().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: best.map((b) => projectKeys.primary(b.projectId)) } },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      )
    : undefined;
  if (got?.UnprocessedKeys?.[tableName()]?.Keys?.length)
    throw new Error('BatchGetItem left keys unprocessed');
  // As the use case: a listing can outlive its project's closing or hiding by a moment.
  const shown = new Set(
    (got?.Responses?.[tableName()] ?? []).filter((p) => p.status === 'open' && !p.hidden).map((p) => p.id),
  );
  return {
    ids: best.map((b) => b.projectId).filter((id) => shown.has(id)),
    queries: facets.length,
    entries: entries.length,
    rcuBatchGet: got?.ConsumedCapacity?.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) ?? 0,
  };
}

type CaseFigures = {
  label: string;
  queries: number;
  entries: number;
  items: number;
  api: { p50: number; p99: number };
  bare: { p50: number; p99: number };
  rcu: { queries: number; batchGet: number };
};

async function measureCase(cloud: LocalCloud, person: Person, rounds: number): Promise<CaseFigures> {
  const url = `${cloud.url}/v1/me/recommendations?limit=${LIMIT}`;
  const viaApi = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${person.token}` } });
    if (res.status !== 200) throw new Error(`GET /v1/me/recommendations answered ${res.status}`);
    return (await res.json()) as { items: { project: { id: string } }[] };
  };
  // Same page, or the comparison means nothing.
  const page = await viaApi();
  const reads = await bare(person.profile);
  if (page.items.map((i) => i.project.id).join() !== reads.ids.slice(0, LIMIT).join())
    throw new Error(
      `${person.label}: the gateway's page and the bare reads' page differ:\n${page.items.map((i) => i.project.id).join()}\n${reads.ids.slice(0, LIMIT).join()}`,
    );
  const user = await users.get(person.userId);
  if (!user) throw new Error(`no profile for ${person.label}`);
  const measure = { readUnits: 0 };
  await myRecommendations(user, { limit: LIMIT }, measure);

  const fns = [
    async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${person.token}` } });
      if (res.status !== 200) throw new Error(`GET /v1/me/recommendations answered ${res.status}`);
      await res.arrayBuffer();
    },
    () => bare(person.profile),
  ];
  await interleavedAll(40, fns); // warm-up: JIT, connections, SQLite pages
  const [a, b] = (await interleavedAll(rounds, fns)) as [number[], number[]];
  const p = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });
  return {
    label: person.label,
    queries: reads.queries,
    entries: reads.entries,
    items: page.items.length,
    api: p(a),
    bare: p(b),
    rcu: { queries: measure.readUnits, batchGet: reads.rcuBatchGet },
  };
}

async function streamOff(cloud: LocalCloud) {
  // The listings are written directly (as the stream consumer would); with the stream on, the local poller would
  // write every one of them a second time while we measure. The browse section may have turned it off already.
  const raw = new DynamoDBClient({
    endpoint: cloud.dynamodbEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { Table } = await raw.send(new DescribeTableCommand({ TableName: cloud.tableName }));
  if (Table?.StreamSpecification?.StreamEnabled)
    await raw.send(
      new UpdateTableCommand({ TableName: cloud.tableName, StreamSpecification: { StreamEnabled: false } }),
    );
}

/** Seeds `small` projects, measures, seeds up to `large` in the same table, measures again; the section's text. */
export async function measureRecommendations(
  cloud: LocalCloud,
  opts = {
    small: 1_000,
    large: Number(process.env.BENCH_RECOMMENDATION_PROJECTS ?? 100_000),
    rounds: 300,
  },
): Promise<string> {
  const people: Person[] = [];
  for (const [n, { label, profile }] of PROFILES.entries())
    people.push(await professional(cloud, n, label, profile));
  await streamOff(cloud);
  const now = Date.now();
  const seeding: SeedResult[] = [];
  const seedRange = async (from: number, count: number) =>
    seeding.push(
      await seedProjects({
        count,
        from,
        seed: SEED,
        now,
        postings: 'brief',
        withoutTerms: true,
        onProgress: progressBar('seeding'),
      }),
    );
  const measureSize = async (projects: number) => {
    console.log(`Recommendations at ${projects.toLocaleString('en')} projects…`);
    const cases: CaseFigures[] = [];
    for (const person of people) cases.push(await measureCase(cloud, person, opts.rounds));
    return { projects, cases };
  };
  await seedRange(0, opts.small);
  const small = await measureSize(opts.small);
  await seedRange(opts.small, opts.large - opts.small);
  const large = await measureSize(opts.large);

  const n = (x: number) => x.toLocaleString('en');
  const clock = (t: number) => `${Math.floor(t / 60_000)} min ${Math.round((t % 60_000) / 1000)} s`;
  const out: string[] = [];
  out.push(
    `**Recommendations** (\`GET /v1/me/recommendations?limit=${LIMIT}\`): synthetic open projects (\`scripts/seed-projects.ts\`, seed ${SEED}, brief postings) written with their listing entries but **without the keyword index's \`TERM#\` entries**, which recommendations never read (so 100,000 projects seed in minutes; with them it takes ≈ 12 min here, see "Catalogue" above):`,
  );
  out.push('');
  for (const s of seeding)
    out.push(
      `- ${n(s.projects)} projects, ${n(s.items)} items (${(s.listingEntries / s.projects).toFixed(1)} listing entries per project) in ${clock(s.elapsedMs)}.`,
    );
  out.push('');
  out.push(
    `Through the local gateway (HTTP, JWT, the caller's profile GetItem, middleware, the listing Queries at once, scoring, one BatchGetItem, JSON) vs the bare SDK calls doing the same reads (same partitions and Limit, the same ranking, the same BatchGetItem), ${opts.rounds} interleaved requests each. Bound: ≤ 21 Queries of ≤ ${ENTRIES_PER_PARTITION} entries and one BatchGetItem of ≤ ${LIMIT + PAGE_MARGIN} projects, whatever the catalogue. Read units as DynamoDB Local reports them (eventually consistent).`,
  );
  out.push('');
  out.push(
    '| profile | projects | Queries | entries read | page | gateway p50 | p99 | bare p50 | p99 | ratio p50 | ratio p99 | RCU Queries | RCU BatchGetItem | RCU per request |',
  );
  out.push(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const size of [small, large])
    for (const c of size.cases)
      out.push(
        `| ${c.label} | ${n(size.projects)} | ${c.queries} | ${c.entries} | ${c.items} | ${ms(c.api.p50)} | ${ms(c.api.p99)} | ${ms(c.bare.p50)} | ${ms(c.bare.p99)} | ${ratio(c.api.p50, c.bare.p50)} | ${ratio(c.api.p99, c.bare.p99)} | ${c.rcu.queries} | ${c.rcu.batchGet} | ${c.rcu.queries + c.rcu.batchGet} |`,
      );
  out.push('');
  out.push(
    `**Recommendations at ${n(large.projects)} vs ${n(small.projects)} projects**, the same requests (measured minutes apart in this run, the catalogue growing in between, so not interleaved):`,
  );
  out.push('');
  out.push('| profile | gateway p50 | p99 | bare p50 | p99 | entries read | RCU per request |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  small.cases.forEach((c, i) => {
    const d = large.cases[i] as CaseFigures;
    out.push(
      `| ${c.label} | ${ratio(d.api.p50, c.api.p50)} | ${ratio(d.api.p99, c.api.p99)} | ${ratio(d.bare.p50, c.bare.p50)} | ${ratio(d.bare.p99, c.bare.p99)} | ${c.entries} → ${d.entries} | ${c.rcu.queries + c.rcu.batchGet} → ${d.rcu.queries + d.rcu.batchGet} |`,
    );
  });
  out.push('');
  return out.join('\n');
}
