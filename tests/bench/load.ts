import { randomUUID } from 'node:crypto';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { cpuMeter } from './cpu.ts';
import { KINDS, type Kind, kindOf, type Outcome, prepareMix } from './load-mix.ts';
import { type ServerTotals, serverTimes } from './server-time.ts';
import { percentile } from './stats.ts';

/**
 * The mixed load of issue 13 through the local gateway: a closed loop of N virtual users, each sending its next
 * request (chosen by the mix, ./load-mix.ts) as soon as the last one is answered, for a fixed time per step, at
 * 1, 2, 4, 8 … users, until a step's p99 passes 1 s or any request fails. Per step: throughput, latency overall
 * and per kind, failures, CPU of the cloud's processes, and where the gateway's time went (./server-time.ts).
 */

/** A step fails on this p99 (ms) or on any failure. */
export const P99_LIMIT_MS = 1_000;

export type KindFigures = {
  requests: number;
  p50: number;
  p99: number;
  /** Sum of the latencies seen by the client. */
  totalMs: number;
  server: ServerTotals;
};

export type StepFigures = {
  users: number;
  seconds: number;
  /** Requests to the gateway answered (sign-ups count their PUT /v1/me, not the Cognito calls). */
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  kinds: Record<Kind, KindFigures>;
  /** A sign-up's SignUp + sign-in at cognito-local. */
  cognito: { requests: number; p50: number; p99: number };
  /** Failures by kind and answer ("apply 503", "signup cognito"), and the first few answers in full. */
  errors: Record<string, number>;
  errorCount: number;
  details: string[];
  /**
   * Cores busy over the step: this process (client and whole cloud but the two below), DynamoDB Local,
   * cognito-local; the rest of the machine's work (other people's), and the time the hypervisor stole.
   */
  cpu: { self: number; java: number; cognito: number; others: number; steal: number };
  /** DynamoDB calls made by no request: the stream poller and its consumers. */
  background: { dynamoMs: number; dynamoCalls: number };
  /** Why the rising stopped here, if it did. */
  stop?: string;
};

export type LoadFigures = {
  seconds: number;
  steps: StepFigures[];
  prepared: { pages: number; browses: number; open: number; applicants: number; catalogue: number };
  /** How many child processes the CPU columns found (0 where /proc is not there). */
  found: { java: number; cognito: number };
};

const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : Number.NaN);

export async function measureLoad(
  cloud: LocalCloud,
  opts: { seconds: number; maxUsers: number; catalogue: number; warmUpSeconds?: number },
): Promise<LoadFigures> {
  const times = serverTimes({
    gatewayPort: Number(new URL(cloud.url).port),
    dynamoPort: Number(new URL(cloud.dynamodbEndpoint).port),
    kindOf,
  });
  const meter = cpuMeter();
  // The demo's own start (its retainers' webhooks, the stream) settles first.
  await meter.quiet();
  console.log(
    `Preparing the load: ${opts.catalogue.toLocaleString('en')} projects, open projects, professionals…`,
  );
  const ready = { openProjects: 50, applicants: 50 };
  const mix = await prepareMix(cloud, {
    ...ready,
    catalogue: opts.catalogue,
    seed: 13,
    run: randomUUID().slice(0, 8),
  });

  /** N users for `seconds`: every request started before the end is waited for and counted. */
  async function step(users: number, seconds: number): Promise<StepFigures> {
    times.take();
    const before = meter.read();
    const outcomes: Outcome[] = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: users }, async () => {
        while (performance.now() < end) outcomes.push(await mix.next());
      }),
    );
    const after = meter.read();
    const server = times.take();
    const wall = (after.at - before.at) / 1000;

    const viaGateway = outcomes.filter((o) => o.status !== 'cognito');
    const kinds = {} as Record<Kind, KindFigures>;
    for (const kind of KINDS) {
      const ms = viaGateway.filter((o) => o.kind === kind).map((o) => o.ms);
      kinds[kind] = {
        requests: ms.length,
        p50: p(ms, 50),
        p99: p(ms, 99),
        totalMs: ms.reduce((a, b) => a + b, 0),
        server: server.byKind.get(kind) ?? {
          requests: 0,
          serverMs: 0,
          dynamoMs: 0,
          dynamoCalls: 0,
          mailMs: 0,
        },
      };
    }
    const cognito = outcomes.filter((o) => o.cognitoMs !== undefined).map((o) => o.cognitoMs as number);
    const errors: Record<string, number> = {};
    const details: string[] = [];
    for (const o of outcomes.filter((x) => !x.ok)) {
      const key = `${o.kind} ${o.status}`;
      errors[key] = (errors[key] ?? 0) + 1;
      if (details.length < 5) details.push(`${key}: ${o.detail ?? ''}`);
    }
    const all = viaGateway.map((o) => o.ms);
    return {
      users,
      seconds: wall,
      requests: all.length,
      perSecond: all.length / wall,
      p50: p(all, 50),
      p99: p(all, 99),
      kinds,
      cognito: { requests: cognito.length, p50: p(cognito, 50), p99: p(cognito, 99) },
      errors,
      errorCount: outcomes.length - outcomes.filter((o) => o.ok).length,
      details,
      cpu: meter.cores(before, after),
      background: server.background,
    };
  }

  // Warm-up (JIT, connections, JWKS caches), not kept; then let the stream poller catch up with the seeding.
  await step(4, opts.warmUpSeconds ?? Math.min(10, opts.seconds));
  await meter.quiet();

  const steps: StepFigures[] = [];
  for (let users = 1; users <= opts.maxUsers; users *= 2) {
    console.log(`Load: ${users} user${users > 1 ? 's' : ''} for ${opts.seconds} s…`);
    const figures = await step(users, opts.seconds);
    const why = [
      ...(figures.p99 > P99_LIMIT_MS ? [`p99 ${figures.p99.toFixed(0)} ms > ${P99_LIMIT_MS} ms`] : []),
      ...(figures.errorCount ? [`${figures.errorCount} failed`] : []),
    ];
    if (why.length) figures.stop = why.join(', ');
    console.log(
      `  ${figures.requests} requests, ${figures.perSecond.toFixed(1)}/s, p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, ${figures.errorCount} failed`,
    );
    steps.push(figures);
    if (figures.stop) break;
    // What this step wrote reaches the stream consumers before the next one starts.
    console.log(`  quiet again after ${((await meter.quiet()) / 1000).toFixed(0)} s`);
  }
  return {
    seconds: opts.seconds,
    steps,
    prepared: {
      pages: mix.pages,
      browses: mix.browses,
      open: mix.open,
      applicants: ready.applicants,
      catalogue: opts.catalogue,
    },
    found: meter.found,
  };
}
