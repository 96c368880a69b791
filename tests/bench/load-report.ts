import type { LoadFigures, StepFigures } from './load.ts';
import { KINDS, type Kind, LABEL, MIX } from './load-mix.ts';
import { ms, ratio } from './stats.ts';

/** The load section of docs/performance.md: the steps, the sustained rate, and where the time went. */

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const ms0 = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');
const cores = (x: number) => x.toFixed(2);
const errors = (s: StepFigures) =>
  Object.entries(s.errors)
    .map(([k, n]) => `${n} × ${k}`)
    .join(', ') || '0';

/** Per kind, the client's mean split into the gateway's DynamoDB wait, mail wait, the rest, and outside it. */
function whereRows(s: StepFigures): string[] {
  const total = KINDS.reduce((t, k) => t + s.kinds[k].totalMs, 0);
  return KINDS.map((kind: Kind) => {
    const k = s.kinds[kind];
    const n = k.server.requests || 1;
    const client = k.totalMs / (k.requests || 1);
    const gateway = k.server.serverMs / n;
    const dynamo = k.server.dynamoMs / n;
    const mail = k.server.mailMs / n;
    return `| ${s.users} | ${kind} | ${pct(k.requests / s.requests)} | ${ms(k.p50)} | ${ms(k.p99)} | ${pct(k.totalMs / total)} | ${ms(client)} | ${ms(gateway)} | ${ms(dynamo)} (${(k.server.dynamoCalls / n).toFixed(1)}) | ${ms(mail)} | ${ms(gateway - dynamo - mail)} | ${ms(client - gateway)} |`;
  });
}

export function loadReport(f: LoadFigures): string[] {
  const out: string[] = [];
  const say = (line = '') => out.push(line);
  const first = f.steps[0] as StepFigures;
  const good = f.steps.filter((s) => !s.stop);
  const last = good.at(-1);
  const stopped = f.steps.find((s) => s.stop);
  const best = good.reduce<StepFigures | undefined>(
    (b, s) => (!b || s.perSecond > b.perSecond ? s : b),
    undefined,
  );
  const mix = KINDS.map((k) => `${LABEL[k]} ${pct(MIX[k])}`).join(', ');

  say(
    `**Mixed load through the local gateway** (issue 13): a closed loop of N virtual users, each sending its next request as soon as the last is answered, chosen at random by the mix — ${mix}. Browse: the newest first and the ${f.prepared.browses - 1} representative filters and keyword searches of the browse section, on the demo catalogue plus ${f.prepared.catalogue.toLocaleString('en')} synthetic projects; project pages: the ${f.prepared.pages} projects those lists show; applications: ${f.prepared.applicants} professionals made beforehand, and everyone who signed up since, for ${f.prepared.open} open projects of the demo firm, never twice the same pair (mail to the firm included); sign-ups: Cognito SignUp and sign-in at cognito-local (timed apart, "Cognito"), then the first \`PUT /v1/me\`, the measured request. ${f.seconds} s per step at 1, 2, 4 … users until a step's p99 passes 1 s or a request fails (5xx, no answer, or any answer but the expected 200/201); the gateway's rate limit is off (one client IP is everybody here). CPU: cores busy over the step — the bench's process (the load's own client, the gateway, every handler, the stream poller and its consumers), DynamoDB Local's Java, cognito-local, and, from /proc/stat, the rest of the machine's work (other people's: the figures are only as quiet as that column) and the time the hypervisor gave to other guests (steal).`,
  );
  say();
  say(
    '| users | requests | req/s | req/s ÷ 1 user | p50 | p99 | p99 ÷ 1 user | browse p99 | project p99 | apply p99 | sign-up p99 | Cognito p50 | failed | CPU bench | CPU Java | CPU cognito | CPU others | steal |',
  );
  say(
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const s of f.steps) {
    say(
      `| ${s.users}${s.stop ? ' (stop)' : ''} | ${s.requests.toLocaleString('en')} | ${s.perSecond.toFixed(1)} | ${ratio(s.perSecond, first.perSecond)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ratio(s.p99, first.p99)} | ${ms0(s.kinds.browse.p99)} | ${ms0(s.kinds.project.p99)} | ${ms0(s.kinds.apply.p99)} | ${ms0(s.kinds.signup.p99)} | ${ms0(s.cognito.p50)} | ${errors(s)} | ${cores(s.cpu.self)} | ${cores(s.cpu.java)} | ${cores(s.cpu.cognito)} | ${cores(s.cpu.others)} | ${cores(s.cpu.steal)} |`,
    );
  }
  say();
  const failedBelow = good.reduce((n, s) => n + s.errorCount, 0);
  say(
    last
      ? `Sustained: **${last.perSecond.toFixed(1)} requests a second at ${last.users} users** (the last step with p99 ≤ 1 s and no failure: p99 ${ms(last.p99)}), ${ratio(last.perSecond, first.perSecond)}× the 1-user rate${best && best !== last ? `; the most in a good step: ${best.perSecond.toFixed(1)} at ${best.users} users` : ''}. Failures below the stopping point: ${failedBelow}. ${stopped ? `Stopped at ${stopped.users} users: ${stopped.stop}.` : `Did not stop: no step up to ${f.steps.at(-1)?.users} users passed 1 s or failed.`}`
      : `No step was good: the first, 1 user, already ${first.stop}.`,
  );
  say();
  if (stopped?.details.length) {
    say(`First failures at ${stopped.users} users:`);
    say();
    for (const d of stopped.details) say(`- \`${d.replace(/`/g, "'").replace(/\s+/g, ' ')}\``);
    say();
  }
  const shown = [
    first,
    ...(last && last !== first ? [last] : []),
    ...(stopped && stopped !== first ? [stopped] : []),
  ];
  say(
    "**Where the time goes** at 1 user, at the last good step and at the stopping step: each kind's share of the requests and of the time all requests took (the sum of their latencies); then its mean latency as the client saw it, split into the gateway's time (headers read → last byte written: route, JWT check, the wait for one of the gateway's 32 invocations, the handler, the answer), and within that the wait on DynamoDB Local (the calls' durations summed, calls in parallel counted in full; calls per request in brackets) and on the local SES; \"rest\" is the gateway's own work, the handler's code and the invocation queue, which cannot be told apart without a hook in infra/local/gateway.ts; \"outside\" is the client side (fetch, and the turn of the one event loop the client shares with the gateway).",
  );
  say();
  say(
    '| users | kind | share of requests | p50 | p99 | share of time | mean seen | in gateway | DynamoDB wait (calls) | mail wait | rest | outside |',
  );
  say('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of shown) for (const row of whereRows(s)) say(row);
  say();
  say(
    `Besides the requests, the stream poller and its consumers made ${shown.map((s) => `${s.background.dynamoCalls.toLocaleString('en')} DynamoDB calls at ${s.users} user${s.users > 1 ? 's' : ''}`).join(', ')}.${f.found.java ? '' : " (DynamoDB Local's and cognito-local's CPU were not found in /proc.)"}`,
  );
  say();
  return out;
}
