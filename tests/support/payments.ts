import Stripe from 'stripe';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { call, cloud } from './api.ts';
import { eventually } from './eventually.ts';
import { openProject } from './projects.ts';

/** The platform settings of every run (the demo seed writes the same), so a PUT in a test changes nothing. */
export const TEST_SETTINGS = {
  platformFeePercent: 10,
  invoiceRegistrationNumber: 'T1234567890123',
  withholdingWorkTypes: ['design'],
};

/** The local Stripe's keys, as the local cloud gives them to the product. */
export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_local_kakehashi';
export const LOCAL_WEBHOOK_SECRET = 'whsec_local_kakehashi';

/** The official SDK against the local Stripe, as the product's own client is configured. */
export function stripeSdk(): Stripe {
  const url = new URL(cloud().stripeUrl as string);
  return new Stripe(LOCAL_STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    telemetry: false,
  });
}

/** A control endpoint of the local Stripe (test clock, test cards, onboarding). */
export async function localStripe(path: string, json: unknown = {}): Promise<any> {
  const res = await fetch(`${cloud().stripeUrl}/_local/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`local Stripe ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The last path segment of a hosted page's URL: the object's id. */
const idInUrl = (url: string) => new URL(url).pathname.split('/').filter(Boolean).at(-1) as string;

/** The professional sets up payouts: the onboarding link, completed on the local Stripe, then ready. */
export async function onboardPayouts(proToken: string): Promise<void> {
  const status = await call('GET', '/v1/me/payouts', { token: proToken });
  if (status.body.status === 'ready') return;
  const link = await call('POST', '/v1/me/payouts/onboarding', { token: proToken });
  if (link.status !== 200) throw new Error(`onboarding: ${link.status} ${JSON.stringify(link.body)}`);
  const account = new URL(link.body.url).searchParams.get('account') ?? idInUrl(link.body.url);
  await localStripe(`accounts/${account}/complete_onboarding`);
  await eventually(async () => {
    const now = await call('GET', '/v1/me/payouts', { token: proToken });
    if (now.body.status !== 'ready') throw new Error(`payouts ${now.body.status}`);
  });
}

/** A firm's project, the professional's application, the firm's acceptance: an engagement awaiting payment. */
export async function acceptedEngagement(
  firmToken: string,
  proToken: string,
  project: Record<string, unknown> = {},
): Promise<string> {
  const { id } = await openProject(firmToken, project);
  const applied = await call('POST', `/v1/projects/${id}/applications`, {
    token: proToken,
    json: { proposal: '月に20時間、リモートで伴走します。' },
  });
  const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
    token: firmToken,
    json: { decision: 'accept' },
  });
  if (!accepted.body.engagementId)
    throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body.engagementId;
}

/** The firm is sent to Checkout and pays on the local Stripe with a test card; returns the session id. */
export async function payCheckout(
  firmToken: string,
  engagementId: string,
  card: 'succeeds' | 'declines' = 'succeeds',
): Promise<string> {
  const checkout = await call('POST', `/v1/engagements/${engagementId}/checkout`, { token: firmToken });
  if (checkout.status !== 200)
    throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  const session = idInUrl(checkout.body.url);
  await fetch(`${cloud().stripeUrl}/_local/checkout_sessions/${session}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card }),
  });
  return session;
}

/** Waits until the engagement, as its firm sees it, is in the state. */
export async function engagementIn(token: string, id: string, state: string, timeoutMs = 15_000) {
  return eventually(async () => {
    const e = await call('GET', `/v1/engagements/${id}`, { token });
    if (e.body.state !== state) throw new Error(`engagement ${id} is ${e.body.state}, not ${state}`);
    return e.body;
  }, timeoutMs);
}

/** Signs a payload as Stripe does, with the local webhook secret (or another, to test refusals). */
export function signed(payload: string, opts: { secret?: string; timestamp?: number } = {}) {
  return stripeSdk().webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? LOCAL_WEBHOOK_SECRET,
    ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
  });
}

/** Posts an event (or exact bytes) to the product's webhook route, signed unless a header is given. */
export async function deliver(event: unknown, header?: string, raw?: string) {
  const payload = raw ?? JSON.stringify(event);
  const res = await fetch(`${cloud().url}/v1/webhooks/stripe`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(header === '' ? {} : { 'stripe-signature': header ?? signed(payload) }),
    },
    body: payload,
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** A fresh firm and a fresh professional of their own, so no other test touches their money. */
export async function freshParties(tag: string) {
  const { newUser } = await import('./api.ts');
  const firm = await newUser(`${tag}-firm`);
  await call('PUT', '/v1/me', {
    token: firm.token,
    json: {
      role: 'firm',
      displayName: '担当 花子',
      organizationName: `${tag} 株式会社`,
      municipalityCode: '31370',
    },
  });
  const pro = await newUser(`${tag}-pro`);
  await call('PUT', '/v1/me', {
    token: pro.token,
    json: { role: 'professional', displayName: `${tag} 太郎` },
  });
  return { firm, pro };
}
