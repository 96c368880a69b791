import { beforeAll, describe, expect, it } from 'vitest';
import { cloud, newUser, signIn } from '../support/api.ts';
import {
  acceptedEngagement,
  engagementIn,
  freshParties,
  LOCAL_STRIPE_SECRET_KEY,
  LOCAL_WEBHOOK_SECRET,
  onboardPayouts,
  payCheckout,
  signed,
} from '../support/payments.ts';
import { findSecrets, redact } from '../support/secrets.ts';

/**
 * No secret in any answer: the routes that touch Stripe, tokens and profiles (the caller's profile, an engagement
 * paid through Stripe and its invoices, payouts and earnings, the billing portal and onboarding links, the
 * operator's settings and fees, the webhook's refusals, the public configuration), headers and body, hold no
 * Stripe secret or webhook secret and no JWT: the API never hands out a token, its caller's or anyone else's.
 */
type Seen = { what: string; status: number; text: string };

async function seen(
  what: string,
  method: string,
  path: string,
  opts: { token?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Seen> {
  const res = await fetch(`${cloud().url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.body ? { body: opts.body } : {}),
  });
  const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return {
    what: `${what} (${method} ${path})`,
    status: res.status,
    text: `${headers}\n\n${await res.text()}`,
  };
}

describe('secrets in responses', () => {
  const answers: Seen[] = [];

  beforeAll(async () => {
    // A retainer of its own, paid on the local Stripe: Stripe customer, subscription, account, invoices.
    const { firm, pro } = await freshParties('secrets');
    const id = await acceptedEngagement(firm.token, pro.token, { monthlyFeeJpy: 80_000 });
    await onboardPayouts(pro.token);
    await payCheckout(firm.token, id);
    await engagementIn(firm.token, id, 'active');
    const [demoFirm, demoPro, operator] = await Promise.all([
      signIn('firm@demo.kakehashi.jp'),
      signIn('pro2@demo.kakehashi.jp'),
      signIn('operator@demo.kakehashi.jp'),
    ]);
    const unboarded = await newUser('secrets-unboarded');
    await fetch(`${cloud().url}/v1/me`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${unboarded.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'professional', displayName: '未登録 プロ' }),
    });
    const event = JSON.stringify({
      id: 'evt_secrets_test',
      object: 'event',
      type: 'ping',
      data: { object: {} },
    });
    answers.push(
      ...(await Promise.all([
        seen('public configuration', 'GET', '/v1/config'),
        seen('OpenAPI document', 'GET', '/v1/openapi.json'),
        seen('health', 'GET', '/v1/health'),
        seen("the firm's profile", 'GET', '/v1/me', { token: firm.token }),
        seen("the professional's profile", 'GET', '/v1/me', { token: pro.token }),
        seen("the firm's engagements", 'GET', '/v1/engagements', { token: firm.token }),
        seen('a paid engagement, by its firm', 'GET', `/v1/engagements/${id}`, { token: firm.token }),
        seen('a paid engagement, by its professional', 'GET', `/v1/engagements/${id}`, { token: pro.token }),
        seen("a paid engagement's invoices", 'GET', `/v1/engagements/${id}/invoices`, { token: firm.token }),
        seen("the professional's payouts", 'GET', '/v1/me/payouts', { token: pro.token }),
        seen("the professional's earnings", 'GET', '/v1/me/earnings', { token: pro.token }),
        seen('the billing portal link', 'POST', '/v1/billing/portal', { token: firm.token }),
        seen('a payouts onboarding link', 'POST', '/v1/me/payouts/onboarding', { token: unboarded.token }),
        seen("the demo firm's engagements", 'GET', '/v1/engagements', { token: demoFirm }),
        seen("the demo professional's payouts", 'GET', '/v1/me/payouts', { token: demoPro }),
        seen("the demo professional's earnings", 'GET', '/v1/me/earnings', { token: demoPro }),
        seen("the operator's settings", 'GET', '/v1/admin/settings', { token: operator }),
        seen("the operator's fees", 'GET', '/v1/admin/fees?year=2026', { token: operator }),
        seen('the operator’s user list', 'GET', '/v1/admin/users', { token: operator }),
        seen('a webhook without a signature', 'POST', '/v1/webhooks/stripe', { body: event }),
        seen('a webhook signed with another secret', 'POST', '/v1/webhooks/stripe', {
          body: event,
          headers: { 'stripe-signature': signed(event, { secret: 'whsec_someone_else' }) },
        }),
        seen('a webhook, signed', 'POST', '/v1/webhooks/stripe', {
          body: event,
          headers: { 'stripe-signature': signed(event) },
        }),
        seen('a webhook that is not JSON', 'POST', '/v1/webhooks/stripe', {
          body: '{"id":',
          headers: { 'stripe-signature': signed('{"id":') },
        }),
      ])),
    );
  }, 120_000);

  it('every answer was a real one (no route failed before it could say anything)', () => {
    const failed = answers.filter((a) => a.status >= 500).map((a) => `${a.what}: ${a.status}`);
    expect(failed).toEqual([]);
    const ok = answers.filter((a) => a.status < 300).length;
    expect(ok).toBeGreaterThanOrEqual(answers.length - 4); // the webhook's refusals are 400
  });

  it('no answer holds a Stripe secret, a webhook secret, a private key or a JWT', () => {
    const leaks = answers.flatMap((a) =>
      [
        ...findSecrets(a.text).map((s) => `${s.kind} ${redact(s.value)}`),
        ...[LOCAL_STRIPE_SECRET_KEY, LOCAL_WEBHOOK_SECRET]
          .filter((secret) => a.text.includes(secret))
          .map(redact),
      ].map((leak) => `${a.what}: ${leak}`),
    );
    expect(leaks).toEqual([]);
  });
});
