import Stripe from 'stripe';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { idToken } from './get-me.ts';
import { percentile, pool } from './stats.ts';

/**
 * Webhook throughput (BRIEF 4 / issue 4): real events of real retainers on the local Stripe — checkouts and
 * monthly renewals — recorded with delivery switched off, then 10 % of them repeated, all shuffled, signed and
 * posted to the local gateway with the concurrency Stripe uses. The final state must be the expected one:
 * every engagement active with one paid row per month. As a yardstick, `GET /v1/health` through the same
 * gateway with the same concurrency, in the same run.
 */
type Recorded = { event: { id: string; type: string }; payload: string };

/** mulberry32: a seeded shuffle, so every run delivers in a different but reproducible order. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function api(cloud: LocalCloud, method: string, path: string, token: string, json?: unknown) {
  const res = await fetch(`${cloud.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const body = (await res.json()) as any;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function control(cloud: LocalCloud, path: string, json?: unknown) {
  const res = await fetch(`${cloud.stripeUrl}/_local/${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body = (await res.json()) as any;
  if (!res.ok) throw new Error(`local Stripe ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function measureWebhooks(
  cloud: LocalCloud,
  opts = { engagements: 35, renewals: 4, duplicateShare: 0.1, concurrency: 8, seed: 7 },
) {
  if (!cloud.stripeUrl)
    throw new Error('the webhook benchmark needs the local Stripe (unset STRIPE_SECRET_KEY)');
  const firm = await idToken(cloud, 'minowa-firm@demo.kakehashi.jp', DEMO_PASSWORD);
  const pro = await idToken(cloud, 'pro2@demo.kakehashi.jp', DEMO_PASSWORD);

  // The professional can be paid out (delivered live, before recording starts).
  const link = await api(cloud, 'POST', '/v1/me/payouts/onboarding', pro);
  const account = new URL(link.url).searchParams.get('account') as string;
  await control(cloud, `accounts/${account}/complete_onboarding`, {});
  for (let i = 0; i < 100 && (await api(cloud, 'GET', '/v1/me/payouts', pro)).status !== 'ready'; i++)
    await new Promise((r) => setTimeout(r, 100));

  // Accepted engagements awaiting payment.
  const ids: string[] = [];
  for (let i = 0; i < opts.engagements; i++) {
    const project = await api(cloud, 'POST', '/v1/projects', firm, {
      title: `ベンチマーク用の月額契約 ${i + 1}`,
      summary: 'Webhook の処理量を測るための案件です。',
      skills: ['dx'],
      municipalityCode: '20383',
      monthlyFeeJpy: 30_000 + 1_000 * i,
      hoursPerMonth: 20,
      remote: 'full',
      durationMonths: 12,
      workType: 'development',
    });
    await api(cloud, 'POST', `/v1/projects/${project.id}/publish`, firm);
    const application = await api(cloud, 'POST', `/v1/projects/${project.id}/applications`, pro, {
      proposal: 'よろしくお願いします。',
    });
    const decided = await api(cloud, 'POST', `/v1/applications/${application.id}/decision`, firm, {
      decision: 'accept',
    });
    ids.push(decided.engagementId);
  }

  // Record, without delivering: every checkout paid, then the renewals.
  const before = (await control(cloud, 'events?tail=1')).items.at(-1)?.event.id as string | undefined;
  await control(cloud, 'webhooks', { enabled: false });
  const sdk = new Stripe('unused', { apiVersion: STRIPE_API_VERSION, telemetry: false });
  try {
    for (const id of ids) {
      const { url } = await api(cloud, 'POST', `/v1/engagements/${id}/checkout`, firm);
      const session = new URL(url).pathname.split('/').filter(Boolean).at(-1);
      await control(cloud, `checkout_sessions/${session}/complete`, { card: 'succeeds' });
    }
    for (let m = 0; m < opts.renewals; m++) await control(cloud, 'clock/advance', { months: 1 });
    const recorded = (await control(cloud, `events${before ? `?after=${before}` : ''}`)).items as Recorded[];

    const random = rng(opts.seed);
    const duplicates = Math.round((recorded.length * opts.duplicateShare) / (1 - opts.duplicateShare));
    const repeated = Array.from(
      { length: duplicates },
      () => recorded[Math.floor(random() * recorded.length)],
    );
    const deliveries = shuffle([...recorded, ...repeated] as Recorded[], random);
    const secret = process.env.STRIPE_WEBHOOK_SECRET as string;
    const statuses = new Map<number, number>();
    const deliver = (r: Recorded) => async () => {
      const res = await fetch(`${cloud.url}/v1/webhooks/stripe`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': sdk.webhooks.generateTestHeaderString({ payload: r.payload, secret }),
        },
        body: r.payload,
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    };

    const health = async () => {
      await (await fetch(`${cloud.url}/v1/health`)).arrayBuffer();
    };
    await pool(
      Array.from({ length: 200 }, () => health),
      opts.concurrency,
    ); // warm-up
    let start = performance.now();
    const healthLatencies = await pool(
      Array.from({ length: deliveries.length }, () => health),
      opts.concurrency,
    );
    const healthSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const latencies = await pool(deliveries.map(deliver), opts.concurrency);
    const seconds = (performance.now() - start) / 1000;

    // The state every engagement must end in, whatever the order: active, 1 + renewals paid months.
    const wrong: string[] = [];
    for (const id of ids) {
      const e = await api(cloud, 'GET', `/v1/engagements/${id}`, firm);
      const rows = (await api(cloud, 'GET', `/v1/engagements/${id}/invoices`, firm)).items as {
        status: string;
        grossJpy: number;
        netJpy: number;
        platformFeeJpy: number;
      }[];
      const paid = rows.filter((r) => r.status === 'paid');
      if (e.state !== 'active') wrong.push(`${id}: ${e.state}`);
      if (paid.length !== 1 + opts.renewals) wrong.push(`${id}: ${paid.length} paid months`);
      if (paid.some((r) => r.grossJpy !== e.monthlyFeeJpy || r.netJpy + r.platformFeeJpy !== r.grossJpy))
        wrong.push(`${id}: amounts`);
    }
    return {
      engagements: ids.length,
      renewals: opts.renewals,
      unique: recorded.length,
      duplicates,
      delivered: deliveries.length,
      types: [...new Set(recorded.map((r) => r.event.type))].sort(),
      concurrency: opts.concurrency,
      seconds,
      perSecond: deliveries.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      statuses: Object.fromEntries(statuses),
      health: { perSecond: deliveries.length / healthSeconds, p50: percentile(healthLatencies, 50) },
      finalStateCorrect: wrong.length === 0,
      wrong,
    };
  } finally {
    await control(cloud, 'webhooks', { enabled: true });
  }
}
