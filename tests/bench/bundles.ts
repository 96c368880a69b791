import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { routes } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { lambdaBundling } from '../../infra/bundling.ts';
import { median } from './stats.ts';

export type BundleFigure = {
  handler: string;
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
): Promise<{ hello: BundleFigure; sdk: BundleFigure; functions: BundleFigure[] }> {
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
    const entries: Record<string, string> = { hello: join(dir, 'hello.ts'), sdk: join(dir, 'sdk.ts') };
    const names = [
      ...new Set([...Object.values(routes).map((r) => r.handler), ...schedules.map((s) => s.handler)]),
    ];
    for (const name of names) entries[name.replaceAll('/', '__')] = join('functions', `${name}.ts`);
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
      sdk: figure('sdk', 'SDK floor: one GetItem'),
      functions: names.map((name) => figure(name.replaceAll('/', '__'), name)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
