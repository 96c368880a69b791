import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import { startLocalCloud } from '../../infra/local/stack.ts';
import { measureBundles } from './bundles.ts';
import { measureGetMe } from './get-me.ts';
import { recordResults } from './record.ts';
import { ms, ratio } from './stats.ts';

/**
 * `npm run bench`: what BRIEF section 4 asks, as ratios taken within this one run, written to
 * docs/performance.md with the date and the machine. Not part of `npm test`: timing never decides a test.
 */
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

say(`### ${date} — ${machine}`);
say();
console.log('Bundling every function as CDK does and importing each cold, 15 times…');
const bundles = await measureBundles(15);
say(
  '**Function bundles**: size, and cold start as a fresh `node` process that imports the bundle (median of 15), as a ratio to a hello-world bundle in the same run (target ≤ 1.5). "import" is the import alone, timed inside the process.',
);
say();
say('| function | size | gzip | cold process | ratio | import | ');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const h = bundles.hello;
say(`| hello-world | ${kb(h.bytes)} | ${kb(h.gzipBytes)} | ${ms(h.coldMs)} | 1.00 | ${ms(h.importMs)} |`);
const sdk = bundles.sdk;
say(
  `| *SDK floor: one GetItem* | ${kb(sdk.bytes)} | ${kb(sdk.gzipBytes)} | ${ms(sdk.coldMs)} | ${ratio(sdk.coldMs, h.coldMs)} | ${ms(sdk.importMs)} |`,
);
for (const f of bundles.functions) {
  say(
    `| ${f.handler} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} | ${ms(f.coldMs)} | ${ratio(f.coldMs, h.coldMs)} | ${ms(f.importMs)} |`,
  );
}
say();

// The web build measures its own initial JavaScript (web/vite.config.ts); build it so the figure is current.
execSync('npm run build:web', { stdio: 'ignore' });
const web = JSON.parse(readFileSync('web/dist/.vite/initial-js.json', 'utf8')) as {
  gzipKB: number;
  rawKB: number;
  files: string[];
};
say(
  `**Web app initial JavaScript**: ${web.gzipKB} KB gzipped (${web.rawKB} KB raw, ${web.files.length} files loaded before the first page renders), budget 250 KB gzipped.`,
);
say();

console.log('Starting the local cloud (in memory)…');
const cloud = await startLocalCloud({ persistent: false, ports: { gateway: 0, dynamodb: 0, cognito: 0 } });
try {
  const getMe = await measureGetMe(cloud, 'pro@demo.kakehashi.jp', DEMO_PASSWORD);
  say(
    '**`GET /v1/me` through the local gateway** (JWT verified, middleware, handler, GetItem) vs a bare SDK `GetItem` of the same item, 400 interleaved requests each:',
  );
  say();
  say('| | p50 | p99 |');
  say('| --- | ---: | ---: |');
  say(`| GET /v1/me | ${ms(getMe.api.p50)} | ${ms(getMe.api.p99)} |`);
  say(`| bare GetItem | ${ms(getMe.getItem.p50)} | ${ms(getMe.getItem.p99)} |`);
  say(`| ratio | ${ratio(getMe.api.p50, getMe.getItem.p50)} | ${ratio(getMe.api.p99, getMe.getItem.p99)} |`);
  say();
} finally {
  await cloud.stop();
}

recordResults(lines.join('\n'));
console.log('\nRecorded in docs/performance.md');
