import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { progressBar, seedProjects } from '../../scripts/seed-projects.ts';
import { FILTERS, KEYWORDS } from './browse.ts';
import { idToken } from './get-me.ts';
import { PASSWORD, professionalProfile, putProfile, signUp } from './people.ts';
import { pool } from './stats.ts';

/**
 * The requests of the mixed load (issue 13): what people do on the site, in the proportions given there, and
 * what each needs prepared so that every answer but a failure is the expected one (an application is never
 * a repeat: a 409 would be the bench's mistake, not the product's).
 */

export const KINDS = ['browse', 'project', 'apply', 'signup'] as const;
export type Kind = (typeof KINDS)[number];

export const MIX: Record<Kind, number> = { browse: 0.7, project: 0.2, apply: 0.05, signup: 0.05 };

export const LABEL: Record<Kind, string> = {
  browse: 'browse `GET /v1/projects`',
  project: 'project page `GET /v1/projects/{id}`',
  apply: 'application `POST /v1/projects/{id}/applications`',
  signup: 'sign-up `PUT /v1/me`',
};

/** Which kind a request to the gateway is, by its method and path (undefined: not one of the mix's). */
export function kindOf(method: string, path: string): Kind | undefined {
  if (method === 'GET' && path === '/v1/projects') return 'browse';
  if (method === 'GET' && /^\/v1\/projects\/[^/]+$/.test(path)) return 'project';
  if (method === 'POST' && /^\/v1\/projects\/[^/]+\/applications$/.test(path)) return 'apply';
  if (method === 'PUT' && path === '/v1/me') return 'signup';
  return undefined;
}

/**
 * One request's outcome. `cognitoMs`: a sign-up's SignUp + sign-in at cognito-local, timed apart (status
 * `cognito` when that part failed and the gateway was never asked). `detail`: what a failure answered.
 */
export type Outcome = {
  kind: Kind;
  ms: number;
  status: number | 'network' | 'cognito';
  ok: boolean;
  cognitoMs?: number;
  detail?: string;
};

/** A small seeded generator (mulberry32), so two runs make the same choices in the same order. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const shuffled = <T>(xs: T[], random: () => number) => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Everyone who can still apply, each with the open projects they have not applied for yet, in their own order. */
type Applicant = { token: string; todo: string[] };

async function json(res: Response, expected: number, what: string) {
  const body = (await res.json()) as any;
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A firm's project, drafted and published: open for applications. */
async function openProject(cloud: LocalCloud, firm: string, n: number): Promise<string> {
  const headers = { authorization: `Bearer ${firm}`, 'content-type': 'application/json' };
  const created = await json(
    await fetch(`${cloud.url}/v1/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: `梨園のEC立ち上げ支援（負荷試験 ${n}）`,
        summary:
          '二十世紀梨の直売をオンラインに広げたい。ECサイトの構築と、ふるさと納税の返礼品ページ作りを一緒に進めてください。',
        skills: ['ec', 'marketing'],
        municipalityCode: '31370',
        monthlyFeeJpy: 50_000,
        hoursPerMonth: 20,
        remote: 'full',
        durationMonths: 6,
        workType: 'other',
      }),
    }),
    201,
    'POST /v1/projects',
  );
  await json(
    await fetch(`${cloud.url}/v1/projects/${created.id}/publish`, { method: 'POST', headers }),
    200,
    'publish',
  );
  return created.id as string;
}

export type MixOptions = {
  /** Synthetic open projects added to the demo catalogue first (scripts/seed-projects.ts, brief postings). */
  catalogue: number;
  /** The firm's open projects people apply for, and the professionals ready to apply at the start. */
  openProjects: number;
  applicants: number;
  seed: number;
  run: string;
};

/**
 * Prepares the load: the catalogue, the firm's open projects, professionals ready to apply; then `next()` is
 * one request of the mix, chosen at random in the mix's proportions.
 */
export async function prepareMix(cloud: LocalCloud, opts: MixOptions) {
  const random = rng(opts.seed);
  // A few writes in flight, not 32: the stream stays on (its consumers write each project's listings again),
  // and a DynamoDB Local flooded with batches answers the cloud's own requests past their 3-second timeout.
  if (opts.catalogue > 0)
    await seedProjects({
      count: opts.catalogue,
      seed: 42,
      postings: 'brief',
      concurrency: 4,
      onProgress: progressBar('seeding'),
    });

  const firm = await idToken(cloud, 'firm@demo.kakehashi.jp', DEMO_PASSWORD);
  const open: string[] = [];
  for (let i = 0; i < opts.openProjects; i++) open.push(await openProject(cloud, firm, i + 1));

  let people = 0;
  const applicants: Applicant[] = [];
  await pool(
    Array.from({ length: opts.applicants }, () => async () => {
      const n = ++people;
      const token = await signUp(cloud, `load-${opts.run}-${n}@bench.kakehashi.jp`);
      const status = await putProfile(cloud, token, professionalProfile(n));
      if (status !== 201) throw new Error(`PUT /v1/me of a new professional: ${status}`);
      applicants.push({ token, todo: shuffled(open, random) });
    }),
    8,
  );

  // What people browse: the newest first, the representative filters and keywords; the pages they open: what
  // those lists show, and the firm's own projects.
  const browses = ['', ...[...FILTERS, ...KEYWORDS].map((c) => c.qs)].map((qs) =>
    qs ? `/v1/projects?${new URLSearchParams(qs)}` : '/v1/projects',
  );
  const seen = new Set<string>(open);
  for (const path of browses) {
    const page = await json(await fetch(`${cloud.url}${path}`), 200, `GET ${path}`);
    for (const p of page.items as { id: string }[]) seen.add(p.id);
  }
  const pages = [...seen];

  /** Times one request to the gateway; its outcome is ok when it answered `expected`. */
  const timed = async (kind: Kind, expected: number, path: string, init?: RequestInit): Promise<Outcome> => {
    const start = performance.now();
    try {
      const res = await fetch(`${cloud.url}${path}`, init);
      const ok = res.status === expected;
      if (ok) await res.arrayBuffer();
      const detail = ok ? undefined : (await res.text()).slice(0, 200);
      return { kind, ms: performance.now() - start, status: res.status, ok, ...(detail ? { detail } : {}) };
    } catch (error) {
      return { kind, ms: performance.now() - start, status: 'network', ok: false, detail: String(error) };
    }
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;

  const requests: Record<Kind, () => Promise<Outcome>> = {
    browse: () => timed('browse', 200, pick(browses)),
    project: () => timed('project', 200, `/v1/projects/${pick(pages)}`),
    apply: () => {
      // Someone who has a project left to apply for; applying removes it from their list before the request,
      // so two virtual users never send the same pair.
      const ready = applicants.filter((a) => a.todo.length);
      if (!ready.length) throw new Error('the bench ran out of (professional, open project) pairs');
      const who = pick(ready);
      const projectId = who.todo.shift() as string;
      return timed('apply', 201, `/v1/projects/${projectId}/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          proposal: 'ECサイトの立ち上げを三か月で支援できます。月20時間、リモートで伴走します。',
        }),
      });
    },
    signup: async () => {
      const n = ++people;
      const start = performance.now();
      let token: string;
      try {
        token = await signUp(cloud, `load-${opts.run}-${n}@bench.kakehashi.jp`, PASSWORD);
      } catch (error) {
        const cognitoMs = performance.now() - start;
        return {
          kind: 'signup',
          ms: cognitoMs,
          status: 'cognito',
          ok: false,
          cognitoMs,
          detail: String(error),
        };
      }
      const cognitoMs = performance.now() - start;
      const out = await timed('signup', 201, '/v1/me', {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(professionalProfile(n)),
      });
      // A new professional applies like the others from now on.
      if (out.ok) applicants.push({ token, todo: shuffled(open, random) });
      return { ...out, cognitoMs };
    },
  };

  const kinds = Object.entries(MIX) as [Kind, number][];
  const next = (): Promise<Outcome> => {
    let r = random();
    for (const [kind, share] of kinds) {
      r -= share;
      if (r < 0) return requests[kind]();
    }
    return requests.browse();
  };
  return {
    next,
    pages: pages.length,
    browses: browses.length,
    open: open.length,
    applicants: () => applicants.length,
  };
}
