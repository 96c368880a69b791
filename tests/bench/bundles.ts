import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lines } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { streamConsumers } from '#functions/streams.ts';
import { type Needs, needsOf as needsOfLine } from '#shared/http/route.ts';
import { bundleFunction, bundleHandler, loadedAtStart } from '../../infra/bundling.ts';
import { median } from './stats.ts';

/** What a function is measured against: the least a function that touches what it touches can be. */
export type Floor = 'hello' | 'sdk' | 'stripe';
export const FLOOR_TARGET: Record<Floor, number> = { hello: 1.5, sdk: 1.15, stripe: 1.15 };
const floorOf = (needs: Needs): Floor => (needs.stripe ? 'stripe' : needs.table ? 'sdk' : 'hello');

export type BundleFigure = {
  handler: string;
  floor?: Floor;
  /** What a cold start reads and compiles: the entry file and the chunks it imports statically. */
  bytes: number;
  gzipBytes: number;
  /** The chunks it imports only on first use (`import()`), not read at start. */
  lazyBytes: number;
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
  rounds = 25,
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
    const atStart: Record<string, { bytes: number; gzipBytes: number; lazyBytes: number }> = {};
    for (const [key, entry] of Object.entries(entries)) {
      const outdir = join(dir, key);
      // As CDK bundles it (infra/kakehashi-function.ts). The floors read the table, bundled the same way; they
      // live in a temp dir, their packages resolve from this repository.
      const handler = handlerOf[key];
      const metafile = handler
        ? bundleHandler(handler, outdir, needsOf.get(handler) ?? {})
        : bundleFunction(entry, outdir, { table: 'read' }, { nodePaths: [resolve('node_modules')] });
      const loaded = new Set(loadedAtStart(metafile));
      const code = (paths: string[]) => Buffer.concat(paths.map((p) => readFileSync(resolve(p))));
      const js = Object.keys(metafile.outputs).filter((p) => p.endsWith('.mjs'));
      const start = code(js.filter((p) => loaded.has(p)));
      atStart[key] = {
        bytes: start.length,
        gzipBytes: gzipSync(start).length,
        lazyBytes: code(js.filter((p) => !loaded.has(p))).length,
      };
      files[key] = join(outdir, 'index.mjs');
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
      return {
        handler,
        ...(atStart[key] as { bytes: number; gzipBytes: number; lazyBytes: number }),
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
