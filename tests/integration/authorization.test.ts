import { beforeAll, describe, expect, it } from 'vitest';
import { routeKeys } from '#functions/routes.ts';
import { call } from '../support/api.ts';
import {
  acceptedEngagement,
  engagementIn,
  onboardPayouts,
  payCheckout,
  TEST_SETTINGS,
} from '../support/payments.ts';
import { PERSONAS, type Persona, type Personas, personas } from '../support/personas.ts';
import { openProject, projectBody } from '../support/projects.ts';

/**
 * Every route × every kind of caller. Each case says what the caller must get; a route added to the
 * route table without its row here fails the first test.
 */
type Case = { path: string; json?: unknown; expect: Partial<Record<Persona, number>> & { others: number } };

const invite = { email: 'matrix@test.kakehashi.jp', regionCode: '31' };
const everyone = (status: number) => ({ others: status });
const firmsOnly = (status: number) => ({ anonymous: 401, firmA: status, firmB: status, others: 403 });
/** Owned by firm A: A may, firm B is told it does not exist, the other roles may not call the route. */
const firmAOwns = (status: number) => ({ anonymous: 401, firmA: status, firmB: 404, others: 403 });

type Fixtures = {
  draft: string;
  toPublish: string;
  toClose: string;
  open: string;
  withApplication: string;
  applicationA: string;
  toWithdraw: string;
  awaitingPayment: string;
  toPause: string;
  toResume: string;
  toCancel: string;
};

/** An engagement between firm A and professional A: both parties may, firm B and professional B are told it does not exist. */
const partiesOf = (status: number) => ({
  anonymous: 401,
  firmA: status,
  proA: status,
  firmB: 404,
  proB: 404,
  others: 403,
});
const prosOnly = (status: number) => ({ anonymous: 401, proA: status, proB: status, others: 403 });

const matrix = (f: Fixtures): Record<string, Case> => ({
  'GET /v1/health': { path: '/v1/health', expect: everyone(200) },
  'GET /v1/config': { path: '/v1/config', expect: everyone(200) },
  'GET /v1/openapi.json': { path: '/v1/openapi.json', expect: everyone(200) },
  'GET /v1/regions/prefectures': { path: '/v1/regions/prefectures', expect: everyone(200) },
  'GET /v1/regions/groups': { path: '/v1/regions/groups', expect: everyone(200) },
  'GET /v1/regions/prefectures/{code}/municipalities': {
    path: '/v1/regions/prefectures/31/municipalities',
    expect: everyone(200),
  },
  'GET /v1/me': { path: '/v1/me', expect: { anonymous: 401, others: 200 } },
  'PUT /v1/me': { path: '/v1/me', json: 'own-profile', expect: { anonymous: 401, others: 200 } },
  'POST /v1/admin/region-staff': {
    path: '/v1/admin/region-staff',
    json: invite,
    expect: { anonymous: 401, operator: 201, others: 403 },
  },
  'POST /v1/projects': { path: '/v1/projects', json: projectBody(), expect: firmsOnly(201) },
  'GET /v1/projects': { path: '/v1/projects?prefecture=31', expect: everyone(200) },
  'GET /v1/projects/{id}': { path: `/v1/projects/${f.draft}`, expect: { firmA: 200, others: 404 } },
  'PATCH /v1/projects/{id}': {
    path: `/v1/projects/${f.draft}`,
    json: { monthlyFeeJpy: 70_000 },
    expect: firmAOwns(200),
  },
  'POST /v1/projects/{id}/publish': { path: `/v1/projects/${f.toPublish}/publish`, expect: firmAOwns(200) },
  'POST /v1/projects/{id}/close': { path: `/v1/projects/${f.toClose}/close`, expect: firmAOwns(200) },
  'GET /v1/me/projects': { path: '/v1/me/projects', expect: firmsOnly(200) },
  'POST /v1/projects/{id}/applications': {
    path: `/v1/projects/${f.open}/applications`,
    json: { proposal: 'matrix' },
    expect: { anonymous: 401, proA: 201, proB: 201, others: 403 },
  },
  'GET /v1/projects/{id}/applications': {
    path: `/v1/projects/${f.withApplication}/applications`,
    expect: firmAOwns(200),
  },
  'GET /v1/me/applications': {
    path: '/v1/me/applications',
    expect: { anonymous: 401, proA: 200, proB: 200, others: 403 },
  },
  'POST /v1/applications/{id}/decision': {
    path: `/v1/applications/${f.applicationA}/decision`,
    json: { decision: 'shortlist' },
    expect: firmAOwns(200),
  },
  'POST /v1/applications/{id}/withdraw': {
    path: `/v1/applications/${f.toWithdraw}/withdraw`,
    expect: { anonymous: 401, proA: 200, proB: 404, others: 403 },
  },
  'GET /v1/engagements': {
    path: '/v1/engagements',
    expect: { anonymous: 401, firmA: 200, firmB: 200, proA: 200, proB: 200, others: 403 },
  },
  'GET /v1/engagements/{id}': { path: `/v1/engagements/${f.awaitingPayment}`, expect: partiesOf(200) },
  'GET /v1/engagements/{id}/invoices': {
    path: `/v1/engagements/${f.toPause}/invoices`,
    expect: partiesOf(200),
  },
  'POST /v1/engagements/{id}/checkout': {
    path: `/v1/engagements/${f.awaitingPayment}/checkout`,
    expect: firmAOwns(200),
  },
  'POST /v1/engagements/{id}/pause': { path: `/v1/engagements/${f.toPause}/pause`, expect: firmAOwns(200) },
  'POST /v1/engagements/{id}/resume': {
    path: `/v1/engagements/${f.toResume}/resume`,
    expect: firmAOwns(200),
  },
  'POST /v1/engagements/{id}/cancel': {
    path: `/v1/engagements/${f.toCancel}/cancel`,
    expect: firmAOwns(200),
  },
  // Firm B has never paid: nothing to manage yet.
  'POST /v1/billing/portal': { path: '/v1/billing/portal', expect: { ...firmsOnly(200), firmB: 409 } },
  'GET /v1/me/payouts': { path: '/v1/me/payouts', expect: prosOnly(200) },
  'POST /v1/me/payouts/onboarding': { path: '/v1/me/payouts/onboarding', expect: prosOnly(200) },
  'GET /v1/me/earnings': { path: '/v1/me/earnings?year=2026', expect: prosOnly(200) },
  // Stripe's route: nobody gets in without Stripe's signature, whoever they are.
  'POST /v1/webhooks/stripe': {
    path: '/v1/webhooks/stripe',
    json: { type: 'invoice.paid' },
    expect: everyone(400),
  },
  'GET /v1/admin/settings': {
    path: '/v1/admin/settings',
    expect: { anonymous: 401, operator: 200, others: 403 },
  },
  'PUT /v1/admin/settings': {
    path: '/v1/admin/settings',
    json: TEST_SETTINGS,
    expect: { anonymous: 401, operator: 200, others: 403 },
  },
});

describe('authorization matrix', () => {
  let who: Personas;
  let f: Fixtures;
  beforeAll(async () => {
    who = await personas();
    const firmA = who.firmA.token as string;
    const draft = async () =>
      (await call('POST', '/v1/projects', { token: firmA, json: projectBody() })).body.id as string;
    const withApplication = (await openProject(firmA)).id;
    const toWithdraw = (await openProject(firmA)).id;
    const apply = async (project: string) =>
      (
        await call('POST', `/v1/projects/${project}/applications`, {
          token: who.proA.token,
          json: { proposal: 'A' },
        })
      ).body.id as string;
    await onboardPayouts(who.proA.token as string);
    const engagement = () => acceptedEngagement(firmA, who.proA.token as string);
    const paid = async () => {
      const id = await engagement();
      await payCheckout(firmA, id);
      await engagementIn(firmA, id, 'active');
      return id;
    };
    const [awaitingPayment, toPause, toResume, toCancel] = await Promise.all([
      engagement(),
      paid(),
      paid(),
      paid(),
    ]);
    await call('POST', `/v1/engagements/${toResume}/pause`, { token: firmA });
    f = {
      awaitingPayment,
      toPause,
      toResume,
      toCancel,
      draft: await draft(),
      toPublish: await draft(),
      toClose: (await openProject(firmA)).id,
      open: (await openProject(firmA)).id,
      withApplication,
      applicationA: await apply(withApplication),
      toWithdraw: await apply(toWithdraw),
    };
  }, 90_000);

  it('covers every route of the route table', () => {
    expect(Object.keys(matrix({} as Fixtures)).sort()).toEqual([...routeKeys].sort());
  });

  for (const key of Object.keys(matrix({} as Fixtures))) {
    it(`${key}: each caller gets what is theirs, nobody else's`, async () => {
      const c = matrix(f)[key] as Case;
      const method = key.split(' ')[0] as string;
      for (const persona of PERSONAS) {
        const token = who[persona].token;
        let json = c.json;
        if (json === 'own-profile') {
          // Each caller re-sends their own profile: a PUT can only ever touch the caller's own item.
          const mine = token ? (await call('GET', '/v1/me', { token })).body : undefined;
          const { userId, email, regionCode, createdAt, updatedAt, ...profile } = mine ?? {
            role: 'professional',
            displayName: 'x',
          };
          json = profile;
        }
        const answer = await call(method, c.path, { token, json });
        expect(answer.status, `${key} as ${persona}`).toBe(c.expect[persona] ?? c.expect.others);
      }
    });
  }

  it('GET /v1/me gives each caller their own profile, never another’s', async () => {
    const seen = new Set<string>();
    for (const persona of PERSONAS.filter((p) => p !== 'anonymous')) {
      const me = await call('GET', '/v1/me', { token: who[persona].token });
      expect(me.body.userId, persona).toBe(who[persona].userId);
      seen.add(me.body.userId);
    }
    expect(seen.size).toBe(PERSONAS.length - 1);
  });

  it('lists only the caller’s own applications and projects', async () => {
    const mineA = (await call('GET', '/v1/me/applications', { token: who.proA.token })).body.items.map(
      (a: { id: string }) => a.id,
    );
    const mineB = (await call('GET', '/v1/me/applications', { token: who.proB.token })).body.items.map(
      (a: { id: string }) => a.id,
    );
    expect(mineA).toContain(f.applicationA);
    expect(mineB).not.toContain(f.applicationA);
    const firmB = (await call('GET', '/v1/me/projects', { token: who.firmB.token })).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(firmB).not.toContain(f.draft);
    // Firm B cannot read firm A's applicants, and a professional cannot read another's application through the project.
    expect(
      (await call('GET', `/v1/projects/${f.withApplication}/applications`, { token: who.firmB.token }))
        .status,
    ).toBe(404);
  });

  it('staff of one region are tied to their own region only', async () => {
    expect((await call('GET', '/v1/me', { token: who.staffX.token })).body.regionCode).toBe('31');
    expect((await call('GET', '/v1/me', { token: who.staffY.token })).body.regionCode).toBe('amami');
    // A staff member cannot move themselves to another region through their profile.
    const moved = await call('PUT', '/v1/me', {
      token: who.staffX.token,
      json: { role: 'region_staff', displayName: 'x', regionCode: 'amami' },
    });
    expect(moved.status).toBe(400);
    expect((await call('GET', '/v1/me', { token: who.staffX.token })).body.regionCode).toBe('31');
  });
});
