import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userItem } from '#shared/accounts/user.entity.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { startLocalCloud } from '../../infra/local/stack.ts';
import { type Answer, call, everyPage, newUser, table, useOwnCloud } from '../support/api.ts';
import { publishedEvent, signUp } from '../support/events.ts';
import { eventually } from '../support/eventually.ts';
import { acceptedEngagement, engagementIn, freshParties, onboardPayouts } from '../support/payments.ts';
import { openProject } from '../support/projects.ts';

/**
 * The parts fail and the product survives: a cloud of this file's own (no demo data), whose DynamoDB Local is
 * stalled with SIGSTOP and resumed with SIGCONT, and whose local Stripe drops every connection. Requests answer
 * 503 with the error shape instead of hanging, nothing is half-written, and once the part is back the same
 * requests succeed, and Stripe's webhook retries converge, without a restart.
 */
let cloud: LocalCloud;
const sub = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;

beforeAll(async () => {
  cloud = await startLocalCloud({
    persistent: false,
    ports: { gateway: 0, dynamodb: 0, cognito: 0 },
    rateLimit: false,
    demo: false,
    // Stripe retries a failed delivery for days; here within seconds.
    webhookRetryDelaysMs: [1_000, 2_000, 4_000, 8_000],
  });
  const { mailbox, runSchedule, faults, stop, ...info } = cloud;
  useOwnCloud(info);
}, 120_000);
afterAll(async () => {
  cloud?.faults.database.resume();
  cloud?.faults.stripe.outage(false);
  await cloud?.stop();
});

/** A region staff member of Tottori prefecture: an account, and its staff profile as an invitation leaves it. */
async function tottoriStaff(): Promise<string> {
  const { email, token } = await newUser('faults-staff');
  const t = table();
  const profile = {
    userId: sub(token),
    email,
    role: 'region_staff',
    displayName: '鳥取県',
    regionCode: '31',
  };
  await t.doc.send(
    new PutCommand({ TableName: t.name, Item: userItem(profile as never, new Date().toISOString()) }),
  );
  return token;
}

async function professional(n: number): Promise<string> {
  const { token } = await newUser(`faults-pro-${n}`);
  await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: `障害 テスト ${n}` } });
  return token;
}

/** What a stalled database answers: the error shape, never a 500 or a hang. */
function expectAnsweredOrUnavailable(answer: Answer, ok: number[]) {
  if (answer.status === 503) {
    expect(answer.body).toEqual({
      error: { code: 'unavailable', message: expect.stringMatching(/temporarily unavailable/) },
    });
    return 'unavailable';
  }
  expect(ok, JSON.stringify(answer.body)).toContain(answer.status);
  return 'answered';
}

const items = async (pk: string, sk: string) => {
  const t = table();
  const out = await t.doc.send(
    new QueryCommand({
      TableName: t.name,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
};

/** Every application has its guard and the project's count; every seat its registration and the counter. */
async function expectWhole(firm: string, projectId: string, staff: string, eventId: string) {
  const guards = await items(`PROJECT#${projectId}`, 'APPLICANT#');
  const listed = (await everyPage(firm, `/v1/projects/${projectId}/applications`)).items;
  expect(new Set(listed.map((a: { professionalId: string }) => a.professionalId))).toEqual(
    new Set(guards.map((g) => (g.SK as string).replace('APPLICANT#', ''))),
  );
  const project = await call('GET', `/v1/projects/${projectId}`, { token: firm });
  expect(project.body.applicantCount).toBe(listed.length);

  const registrations = await items(`EVENT#${eventId}`, 'REG#');
  const seated = registrations.filter((r) => ['confirmed', 'offered', 'pending_payment'].includes(r.status));
  const codes = await items(`EVENT#${eventId}`, 'CODE#');
  const [event] = await items(`EVENT#${eventId}`, 'EVENT');
  expect(event?.venueTaken).toBe(seated.length);
  expect(event?.venueWaiting).toBe(registrations.filter((r) => r.status === 'waitlisted').length);
  expect(codes.length).toBe(registrations.filter((r) => r.code).length);
  const staffList = (await everyPage(staff, `/v1/events/${eventId}/registrations`)).items;
  expect(staffList).toHaveLength(registrations.length);
  return { applications: listed.length, registrations: registrations.length };
}

describe('faults survived', () => {
  it('a database stalled under load: 503s in seconds, nothing half-written, the same requests succeed after', async () => {
    const { firm } = await freshParties('faults-db');
    const project = await openProject(firm.token);
    const staff = await tottoriStaff();
    const event = await publishedEvent(staff, { venueCapacity: 4 });
    const pros = await Promise.all(Array.from({ length: 10 }, (_, i) => professional(i)));
    const requests = pros.flatMap((token) => [
      () =>
        call('POST', `/v1/projects/${project.id}/applications`, {
          token,
          json: { proposal: '週末に伴走します。' },
        }),
      () => signUp(token, event.id),
    ]);

    const timed = async (send: () => Promise<Answer>) => {
      const started = Date.now();
      const answer = await send();
      return { answer, ms: Date.now() - started };
    };
    // Half are under way when the database stalls; the other half start while it is stalled.
    const first = requests.slice(0, 10).map(timed);
    await new Promise((r) => setTimeout(r, 25));
    cloud.faults.database.pause();
    const second = requests.slice(10).map(timed);
    const answers = await Promise.all([...first, ...second]);
    cloud.faults.database.resume();

    const outcomes = answers.map(({ answer }) => expectAnsweredOrUnavailable(answer, [201]));
    expect(outcomes.filter((o) => o === 'unavailable').length).toBeGreaterThanOrEqual(10);
    // Not a hang: the SDK's timeouts (3 s, one retry) end each request well before the gateway's 29 s.
    for (const { ms } of answers) expect(ms).toBeLessThan(20_000);

    await eventually(async () => expect((await call('GET', '/v1/health')).status).toBe(200), 30_000);
    await expectWhole(firm.token, project.id, staff, event.id);

    // The refused ones again: each succeeds, or finds that its write landed after all (409), never twice.
    for (const [i, { answer }] of answers.entries()) {
      if (answer.status !== 503) continue;
      const again = await (requests[i] as () => Promise<Answer>)();
      if (again.status === 409)
        expect(again.body.error.code).toBe(i % 2 ? 'already_registered' : 'already_applied');
      else expect(again.status).toBe(201);
    }
    expect(await expectWhole(firm.token, project.id, staff, event.id)).toEqual({
      applications: 10,
      registrations: 10,
    });
  });

  it('Stripe unreachable: payouts, checkout and the portal answer 503 with a clear message, then work', async () => {
    const { firm, pro } = await freshParties('faults-stripe');
    await onboardPayouts(pro.token);
    const engagementId = await acceptedEngagement(firm.token, pro.token);
    const asks = [
      () => call('POST', '/v1/me/payouts/onboarding', { token: pro.token }),
      () => call('POST', `/v1/engagements/${engagementId}/checkout`, { token: firm.token }),
    ];
    cloud.faults.stripe.outage(true);
    try {
      for (const ask of asks) {
        const down = await ask();
        expect(down.status).toBe(503);
        expect(down.body).toEqual({
          error: { code: 'unavailable', message: expect.stringMatching(/temporarily unavailable/) },
        });
      }
    } finally {
      cloud.faults.stripe.outage(false);
    }
    for (const ask of asks) expect((await ask()).status).toBe(200);
    // The portal, once the firm is a Stripe customer (Checkout made it one).
    cloud.faults.stripe.outage(true);
    try {
      expect((await call('POST', '/v1/billing/portal', { token: firm.token })).status).toBe(503);
    } finally {
      cloud.faults.stripe.outage(false);
    }
    expect((await call('POST', '/v1/billing/portal', { token: firm.token })).status).toBe(200);
  });

  it('webhooks that fail while the database is stalled are answered 5xx, and Stripe’s retries converge', async () => {
    const { firm, pro } = await freshParties('faults-webhook');
    await onboardPayouts(pro.token);
    const engagementId = await acceptedEngagement(firm.token, pro.token);
    const checkout = await call('POST', `/v1/engagements/${engagementId}/checkout`, { token: firm.token });
    expect(checkout.status).toBe(200);
    const session = new URL(checkout.body.url).pathname.split('/').filter(Boolean).at(-1) as string;

    type Delivery = { status: string; attempts: { status?: number }[] };
    const deliveriesAfter = async (after: string | undefined) =>
      (
        (await (await fetch(`${cloud.stripeUrl}/_local/events${after ? `?after=${after}` : ''}`)).json()) as {
          items: { event: { id: string; type: string }; delivery: Delivery }[];
        }
      ).items;
    const before = (await deliveriesAfter(undefined)).at(-1)?.event.id;

    cloud.faults.database.pause();
    await fetch(`${cloud.stripeUrl}/_local/checkout_sessions/${session}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: 'succeeds' }),
    });
    // The payment's first delivery meets the stalled database: answered 5xx, and kept for a retry.
    await eventually(async () => {
      const failed = (await deliveriesAfter(before)).filter((d) =>
        d.delivery.attempts.some((a) => (a.status ?? 0) >= 500),
      );
      expect(failed.length).toBeGreaterThan(0);
    }, 30_000);
    cloud.faults.database.resume();

    await engagementIn(firm.token, engagementId, 'active', 60_000);
    await eventually(async () => {
      const after = await deliveriesAfter(before);
      expect(after.filter((d) => d.delivery.status !== 'delivered').map((d) => d.event.type)).toEqual([]);
      expect(after.some((d) => d.delivery.attempts.length >= 2)).toBe(true);
    }, 60_000);
    // Converged to one paid month, not one per attempt.
    await eventually(async () => {
      const invoices = await call('GET', `/v1/engagements/${engagementId}/invoices`, { token: firm.token });
      expect(invoices.body.items.filter((r: { status: string }) => r.status === 'paid')).toHaveLength(1);
    }, 30_000);
  });
});
