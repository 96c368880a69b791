import { beforeAll, describe, expect, it } from 'vitest';
import { routeKeys } from '#functions/routes.ts';
import { call } from '../support/api.ts';
import { PERSONAS, type Persona, type Personas, personas } from '../support/personas.ts';

/**
 * Every route × every kind of caller. Each case says what the caller must get; a route added to the
 * route table without its row here fails the first test.
 */
type Case = { path: string; json?: unknown; expect: Partial<Record<Persona, number>> & { others: number } };

const invite = { email: 'matrix@test.kakehashi.jp', regionCode: '31' };
const everyone = (status: number) => ({ others: status });

const matrix: Record<string, Case> = {
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
};

describe('authorization matrix', () => {
  let who: Personas;
  beforeAll(async () => {
    who = await personas();
  }, 60_000);

  it('covers every route of the route table', () => {
    expect(Object.keys(matrix).sort()).toEqual([...routeKeys].sort());
  });

  for (const [key, c] of Object.entries(matrix)) {
    it(`${key}: each caller gets what is theirs, nobody else's`, async () => {
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
