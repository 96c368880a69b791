import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import { startLocalCloud } from '../../infra/local/stack.ts';
import type { PostingStyle } from '../../scripts/seed-projects.ts';
import { type CaseFigures, measureBrowse } from './browse.ts';
import { FLOOR_TARGET, measureBundles } from './bundles.ts';
import { measureEventSignUps } from './events.ts';
import { measureGetMe } from './get-me.ts';
import { recordResults } from './record.ts';
import { ms, ratio } from './stats.ts';
import { measureWebhooks } from './webhooks.ts';

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

/** `BENCH_ONLY=webhooks,getme` runs some sections only (bundles, getme, webhooks, events, load, metrics, browse, recommendations); the record says so. */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (section: string) => !only || only.includes(section);

say(`### ${date} — ${machine}${only ? ` (only: ${only.join(', ')})` : ''}`);
say();
if (wanted('bundles')) {
  // 25 rounds: a ratio of two medians of 15 still moved by ±0.05 between runs on these machines.
  const rounds = Number(process.env.BENCH_BUNDLE_ROUNDS ?? 25);
  console.log(`Bundling every function as CDK does and importing each cold, ${rounds} times…`);
  const bundles = await measureBundles(rounds);
  say(
    `**Function bundles**: size, and cold start as a fresh \`node\` process that imports the bundle (median of ${rounds}). "size" and "gzip" are what a cold start reads and compiles (the entry file and the chunks it imports statically); "lazy" is the chunks it imports only on first use. Each function is measured against its own floor in the same run, bundled the same way: hello-world for a function that touches nothing (target ≤ 1.5), one \`GetItem\` with the bundled DynamoDB client for a table function (target ≤ 1.15), that plus constructing the Stripe client for a Stripe function (target ≤ 1.15). "import" is the import alone, timed inside the process.`,
  );
  say();
  say(
    '| function | size | gzip | lazy | cold process | floor | ratio to floor | target | met | ratio to hello | import |',
  );
  say('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const h = bundles.hello;
  const floors = { hello: bundles.hello, sdk: bundles.sdk, stripe: bundles.stripe };
  for (const f of [bundles.hello, bundles.sdk, bundles.stripe]) {
    say(
      `| *${f.handler}* | ${kb(f.bytes)} | ${kb(f.gzipBytes)} | ${kb(f.lazyBytes)} | ${ms(f.coldMs)} | | | | | ${ratio(f.coldMs, h.coldMs)} | ${ms(f.importMs)} |`,
    );
  }
  let met = 0;
  for (const f of bundles.functions) {
    const floor = floors[f.floor ?? 'hello'];
    const r = f.coldMs / floor.coldMs;
    const target = FLOOR_TARGET[f.floor ?? 'hello'];
    if (r <= target) met++;
    say(
      `| ${f.handler} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} | ${kb(f.lazyBytes)} | ${ms(f.coldMs)} | ${f.floor} | ${ratio(f.coldMs, floor.coldMs)} | ≤ ${target} | ${r <= target ? 'yes' : 'no'} | ${ratio(f.coldMs, h.coldMs)} | ${ms(f.importMs)} |`,
    );
  }
  say();
  say(`${met} of ${bundles.functions.length} functions within their target.`);
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
}

console.log('Starting the local cloud (in memory)…');
// No rate limit: the bench is one client IP sending what many people would (the load section most of all).
const cloud = await startLocalCloud({
  persistent: false,
  ports: { gateway: 0, dynamodb: 0, cognito: 0 },
  rateLimit: false,
});
try {
  if (wanted('getme')) {
    const getMe = await measureGetMe(cloud, 'pro@demo.kakehashi.jp', DEMO_PASSWORD);
    say(
      '**`GET /v1/me` through the local gateway** (JWT verified, middleware, handler, GetItem) vs a bare SDK `GetItem` of the same item, 400 interleaved requests each:',
    );
    say();
    say('| | p50 | p99 |');
    say('| --- | ---: | ---: |');
    say(`| GET /v1/me | ${ms(getMe.api.p50)} | ${ms(getMe.api.p99)} |`);
    say(`| bare GetItem | ${ms(getMe.getItem.p50)} | ${ms(getMe.getItem.p99)} |`);
    say(
      `| ratio | ${ratio(getMe.api.p50, getMe.getItem.p50)} | ${ratio(getMe.api.p99, getMe.getItem.p99)} |`,
    );
    say();
  }
  if (wanted('webhooks')) {
    const hooks = await measureWebhooks(cloud);
    say(
      `**Stripe webhooks through the local gateway**: ${hooks.delivered.toLocaleString('en')} signed events — ${hooks.unique} real events recorded on the local Stripe (the checkouts of ${hooks.engagements} new retainers, then ${hooks.renewals} monthly renewals of every subscription: ${hooks.types.join(', ')}) and ${hooks.duplicates} repeats (${((hooks.duplicates / hooks.delivered) * 100).toFixed(0)} %) — shuffled and posted ${hooks.concurrency} at a time. Each one is verified, re-read from the local Stripe and applied once. \`GET /v1/health\` the same number of times, same concurrency, for scale.`,
    );
    say();
    say('| | per second | p50 | p99 | answers |');
    say('| --- | ---: | ---: | ---: | --- |');
    say(
      `| webhooks | ${hooks.perSecond.toFixed(0)} | ${ms(hooks.p50)} | ${ms(hooks.p99)} | ${Object.entries(
        hooks.statuses,
      )
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ')} |`,
    );
    say(`| GET /v1/health | ${hooks.health.perSecond.toFixed(0)} | ${ms(hooks.health.p50)} | | |`);
    say();
    say(
      hooks.finalStateCorrect
        ? `Final state as expected: all ${hooks.engagements} engagements active, each with ${1 + hooks.renewals} paid months whose net + fee = gross.`
        : `**Final state WRONG**: ${hooks.wrong.slice(0, 10).join('; ')}`,
    );
    say();
  }

  if (wanted('events')) {
    const ev = await measureEventSignUps(cloud);
    const waiting = ev.people - ev.seats;
    const answers = (statuses: Record<string, number>) =>
      Object.entries(statuses)
        .map(([s, k]) => `${k} × ${s}`)
        .join(', ');
    say(
      `**Sign-ups for a popular event through the local gateway**: ${ev.people} distinct signed-in professionals (made through cognito-local and \`PUT /v1/me\` in ${ev.usersSeconds.toFixed(0)} s) sign up all at once for a free first-come seminar with ${ev.seats} seats at the venue. Each sign-up is one transaction of the registration with the seat counter under its capacity condition (or a waitlist ticket from the atomic counter, then the registration with the waiting counter), conflicts retried inside the product, and a mail. The yardstick, same run: the same ${ev.people} people signing up one at a time for an event of the same shape (the same work, nobody else at the door). The local gateway runs every request in one Node process against one DynamoDB Local, so the crowd queues there (Lambda would run them side by side): the p50 and p99 at once are mostly that queue, and the throughput ratio says more.`,
    );
    say();
    say('| | sign-ups per second | p50 | p99 | answers | confirmed | waitlisted |');
    say('| --- | ---: | ---: | ---: | --- | ---: | ---: |');
    say(
      `| ${ev.people} at once | ${ev.atOnce.perSecond.toFixed(0)} | ${ms(ev.atOnce.p50)} | ${ms(ev.atOnce.p99)} | ${answers(ev.atOnce.statuses)} | ${ev.atOnceCheck.confirmed} | ${ev.atOnceCheck.waitlisted} |`,
    );
    say(
      `| one at a time | ${ev.oneByOne.perSecond.toFixed(0)} | ${ms(ev.oneByOne.p50)} | ${ms(ev.oneByOne.p99)} | ${answers(ev.oneByOne.statuses)} | ${ev.oneByOneCheck.confirmed} | ${ev.oneByOneCheck.waitlisted} |`,
    );
    say(
      `| ratio (at once ÷ one at a time) | ${ratio(ev.atOnce.perSecond, ev.oneByOne.perSecond)} | ${ratio(ev.atOnce.p50, ev.oneByOne.p50)} | ${ratio(ev.atOnce.p99, ev.oneByOne.p99)} | | | |`,
    );
    say();
    say(
      ev.atOnceCheck.wrong.length === 0 && ev.oneByOneCheck.wrong.length === 0
        ? `Final state as expected for both events: exactly ${ev.seats} confirmed and ${waiting} waitlisted at positions 1…${waiting} in the staff's list, the same place in line in each person's own list (counted from the waitlist index), the event's counters at 0 seats left and ${waiting} waiting; the crowd of ${ev.people} took ${ev.atOnce.seconds.toFixed(1)} s from the first request to the last answer.`
        : `**Final state WRONG**: at once: ${ev.atOnceCheck.wrong.join('; ') || 'right'}; one at a time: ${ev.oneByOneCheck.wrong.join('; ') || 'right'}`,
    );
    say();
  }

  // Before the sections that turn the table's stream off: under load the stream consumers do their share.
  if (wanted('load')) {
    const { measureLoad } = await import('./load.ts');
    const { loadReport } = await import('./load-report.ts');
    const load = await measureLoad(cloud, {
      seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 60),
      maxUsers: Number(process.env.BENCH_LOAD_MAX_USERS ?? 512),
      catalogue: Number(process.env.BENCH_LOAD_PROJECTS ?? 1_000),
    });
    for (const line of loadReport(load)) say(line);
  }
  if (wanted('metrics')) say(await (await import('./metrics.ts')).measureRelationshipPopulation(cloud));
  if (wanted('recommendations'))
    say(await (await import('./recommendations.ts')).measureRecommendations(cloud));
  if (wanted('browse')) {
    const large = Number(process.env.BENCH_PROJECTS ?? 100_000);
    const small = Math.min(1_000, large);
    const postings = (process.env.BENCH_POSTINGS ?? 'brief') as PostingStyle;
    const browse = await measureBrowse(cloud, { small, large, rounds: 400, postings });
    const n = (x: number) => x.toLocaleString('en');
    const clock = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
    say(
      `**Catalogue**: ${n(browse.large?.projects ?? browse.small.projects)} synthetic open projects (\`scripts/seed-projects.ts\`, seed 42, ${postings} postings), written with their listing entries by BatchWriteItem:`,
    );
    say();
    for (const s of browse.seeding) {
      say(
        `- ${n(s.projects)} projects, ${n(s.items)} items (${(s.listingEntries / s.projects).toFixed(1)} listing entries per project) in ${clock(s.elapsedMs)}: ${n(Math.round((s.projects / s.elapsedMs) * 1000))} projects/s, ${n(Math.round((s.items / s.elapsedMs) * 1000))} items/s.`,
      );
    }
    say();
    const sizes = [browse.small, ...(browse.large ? [browse.large] : [])];
    const page = (c: CaseFigures) => `${c.items} / ${c.reads} / ${c.scanned}`;
    say(
      "**Browse through the local gateway** (`GET /v1/projects`: HTTP, Lambda event, middleware, validation, JSON; page 1 of 20, newest first) vs the bare SDK calls that return the same page: the listing `Query` (same partition, FilterExpression, Limit and loop, from `plan()`) and the `BatchGetItem` of the page's projects — a listing entry does not carry the applicant count, which changes with every application, so no single Query can return a page. 400 interleaved requests each; target ≤ 1.5. The last two columns compare with the listing Query alone. Page: items / Queries / entries read.",
    );
    say();
    say(
      '| filter | projects | page | gateway p50 | p99 | bare Query + BatchGetItem p50 | p99 | **ratio p50** | **ratio p99** | listing Query alone p50 | gateway ÷ Query alone p50 |',
    );
    say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const size of sizes) {
      for (const c of [...size.filters, ...size.keywords]) {
        say(
          `| ${c.label} \`${c.qs}\` | ${n(size.projects)} | ${page(c)} | ${ms(c.api.p50)} | ${ms(c.api.p99)} | ${ms(c.queryAndGet.p50)} | ${ms(c.queryAndGet.p99)} | ${ratio(c.api.p50, c.queryAndGet.p50)} | ${ratio(c.api.p99, c.queryAndGet.p99)} | ${ms(c.query.p50)} | ${ratio(c.api.p50, c.query.p50)} |`,
        );
      }
    }
    say();
    if (browse.large) {
      const big = browse.large;
      say(
        `**Browse at ${n(big.projects)} vs ${n(browse.small.projects)} projects** through the gateway, the same requests (target ≤ 1.2). The two sizes are measured minutes apart in this run (the catalogue grows in between), so they cannot be interleaved; the bare Query + BatchGetItem columns show how much of a change is DynamoDB Local's.`,
      );
      say();
      say(
        `| filter | page at ${n(browse.small.projects)} | page at ${n(big.projects)} | gateway p50 | p99 | bare Query + BatchGetItem p50 | p99 |`,
      );
      say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
      const all = [...browse.small.filters, ...browse.small.keywords];
      const bigAll = [...big.filters, ...big.keywords];
      all.forEach((c, i) => {
        const d = bigAll[i] as CaseFigures;
        say(
          `| ${c.label} | ${page(c)} | ${page(d)} | ${ratio(d.api.p50, c.api.p50)} | ${ratio(d.api.p99, c.api.p99)} | ${ratio(d.queryAndGet.p50, c.queryAndGet.p50)} | ${ratio(d.queryAndGet.p99, c.queryAndGet.p99)} |`,
        );
      });
      say();
    }
    say(
      '**Keyword search**: the term looked up, the page, latency through the gateway, and read capacity units per page as DynamoDB Local reports them (listing Query as `browseProjects` measures it, plus the BatchGetItem of the page, eventually consistent).',
    );
    say();
    say('| query | term | projects | page | p50 | p99 | RCU Query | RCU BatchGetItem | RCU per page |');
    say('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const size of sizes) {
      for (const c of size.keywords) {
        say(
          `| ${c.label} | \`${c.partition.replace('LIST#TERM#', '')}\` | ${n(size.projects)} | ${page(c)} | ${ms(c.api.p50)} | ${ms(c.api.p99)} | ${c.rcu.query} | ${c.rcu.batchGet} | ${c.rcu.query + c.rcu.batchGet} |`,
        );
      }
    }
    say();
    const fp = browse.fullPostings;
    say(
      `**Capacity per page on full-length postings** (${n(fp.seeded.projects)} projects with ≈ 160-character summaries, ${(fp.seeded.listingEntries / fp.seeded.projects).toFixed(1)} listing entries each, in a table of their own): the listing entries carry the searchable text, so their size, and the Query's units, grow with it.`,
    );
    say();
    say('| filter or query | page | RCU Query | RCU BatchGetItem | RCU per page |');
    say('| --- | ---: | ---: | ---: | ---: |');
    for (const c of fp.cases) {
      say(`| ${c.label} | ${c.items} / ${c.reads} | ${c.query} | ${c.batchGet} | ${c.query + c.batchGet} |`);
    }
    say();
  }
} finally {
  await cloud.stop();
}

recordResults(lines.join('\n'));
console.log('\nRecorded in docs/performance.md');
