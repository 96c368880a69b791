import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { lines } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { streamConsumers } from '#functions/streams.ts';
import { type Needs, needsOf as needsOfLine } from '#shared/http/route.ts';
import { lambdaBundling, offlineAlias } from '../../infra/bundling.ts';
import { median } from './stats.ts';

/** What a function is measured against: the least a function that touches what it touches can be. */
export type Floor = 'hello' | 'sdk' | 'stripe';
export const FLOOR_TARGET: Record<Floor, number> = { hello: 1.5, sdk: 1.15, stripe: 1.15 };
const floorOf = (needs: Needs): Floor => (needs.stripe ? 'stripe' : needs.table ? 'sdk' : 'hello');

export type BundleFigure = {
  handler: string;
  floor?: Floor;
  bytes: number;
  gzipBytes: number;
  coldMs: number;
  importMs: number;
};

const ENV = {
  AWS_REGION: 'ap-northeast-1',
  TABLE_NAME: 'bench',
  USER_POOL_ID: 'pool',
  USER_POOL_CLIENT_ID: 'client',
  WEB_ORIGIN: 'https://example.com',
  MAIL_FROM: 'bench@example.com',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/** One fresh Node process that imports the bundle: the wall time, and the import alone measured inside. */
function coldImport(file: string): { wall: number; importMs: number } {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
  });
  const wall = performance.now() - start;
  if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr}`);
  return { wall, importMs: Number(run.stdout) };
}

/**
 * Bundles every function as CDK does (same esbuild options, infra/bundling.ts) and a hello-world handler,
 * then imports each in fresh Node processes, interleaved, `rounds` times.
 */
export async function measureBundles(
  rounds = 15,
): Promise<{ hello: BundleFigure; sdk: BundleFigure; stripe: BundleFigure; functions: BundleFigure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kakehashi-bundles-'));
  try {
    writeFileSync(
      join(dir, 'hello.ts'),
      'export const handler = async () => ({ statusCode: 200, body: "hello" });\n',
    );
    // A second baseline: the least a function of ours can be, one GetItem with the bundled SDK.
    writeFileSync(
      join(dir, 'sdk.ts'),
      [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
        'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        "export const handler = async () => db.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }));",
      ].join('\n'),
    );
    // A third: that GetItem, plus constructing the Stripe client (what a Stripe function cannot do without).
    writeFileSync(
      join(dir, 'stripe.ts'),
      [
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
        "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
        "import Stripe from 'stripe';",
        'const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
        "const stripe = new Stripe('sk_test_floor');",
        "export const handler = async () => [stripe, await db.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }))];",
      ].join('\n'),
    );
    const entries: Record<string, string> = {
      hello: join(dir, 'hello.ts'),
      sdk: join(dir, 'sdk.ts'),
      stripe: join(dir, 'stripe.ts'),
    };
    // Every handler once, with what its line says it needs (a route limited to roles reads the table).
    const needsOf = new Map<string, Needs>();
    for (const l of lines) needsOf.set(l.handler, needsOfLine(l));
    for (const job of [...schedules, ...streamConsumers]) needsOf.set(job.handler, job.needs);
    const names = [...needsOf.keys()];
    const handlerOf: Record<string, string> = {};
    for (const name of names) {
      entries[name.replaceAll('/', '__')] = join('functions', `${name}.ts`);
      handlerOf[name.replaceAll('/', '__')] = name;
    }
    const files: Record<string, string> = {};
    for (const [key, entry] of Object.entries(entries)) {
      const outfile = join(dir, `${key}.mjs`);
      // The baselines live in a temp dir: resolve their packages from this repository.
      await build({
        ...lambdaBundling.esbuild,
        entryPoints: [entry],
        outfile,
        logLevel: 'error',
        nodePaths: [resolve('node_modules')],
        // As CDK bundles it (infra/kakehashi-function.ts): a function that touches nothing gets no node:http.
        alias: offlineAlias(needsOf.get(handlerOf[key] ?? '') ?? { table: 'read' }),
      });
      files[key] = outfile;
    }
    const samples: Record<string, { wall: number[]; importMs: number[] }> = {};
    for (let i = 0; i < rounds; i++) {
      for (const [key, file] of Object.entries(files)) {
        const s = coldImport(file);
        samples[key] ??= { wall: [], importMs: [] };
        samples[key].wall.push(s.wall);
        samples[key].importMs.push(s.importMs);
      }
    }
    const figure = (key: string, handler: string): BundleFigure => {
      const code = readFileSync(files[key] as string);
      return {
        handler,
        bytes: code.length,
        gzipBytes: gzipSync(code).length,
        coldMs: median(samples[key]?.wall ?? []),
        importMs: median(samples[key]?.importMs ?? []),
      };
    };
    return {
      hello: figure('hello', 'hello-world'),
      sdk: figure('sdk', 'GetItem floor: one GetItem'),
      stripe: figure('stripe', 'Stripe floor: one GetItem and the Stripe client'),
      functions: names.map((name) => ({
        ...figure(name.replaceAll('/', '__'), name),
        floor: floorOf(needsOf.get(name) ?? {}),
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
