import { describe, expect, it } from 'vitest';
import { call, signIn } from '../support/api.ts';

describe('demo data seeded by the local cloud', () => {
  it('a dozen projects across the demo towns, one short-time, some with applications', async () => {
    const all = (await call('GET', '/v1/projects?limit=50')).body.items as {
      municipalityCode: string;
      shortTime: boolean;
      applicantCount: number;
      organizationName: string;
    }[];
    const demo = all.filter((p) =>
      ['31370', '46222', '20383', '24203', '05346'].includes(p.municipalityCode),
    );
    expect(demo.length).toBeGreaterThanOrEqual(11);
    expect(new Set(demo.map((p) => p.municipalityCode))).toEqual(
      new Set(['31370', '46222', '20383', '24203', '05346']),
    );
    expect(demo.some((p) => p.shortTime)).toBe(true);
    expect(demo.some((p) => p.applicantCount > 0)).toBe(true);
    const found = await call('GET', `/v1/projects?q=${encodeURIComponent('ふるさと納税')}`);
    expect(found.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('the demo professional has applications; the demo firm sees its projects and its draft stays private', async () => {
    const pro = await signIn('pro@demo.kakehashi.jp');
    expect(
      (await call('GET', '/v1/me/applications', { token: pro })).body.items.length,
    ).toBeGreaterThanOrEqual(2);
    const minowa = await signIn('minowa-firm@demo.kakehashi.jp');
    const mine = (await call('GET', '/v1/me/projects', { token: minowa })).body.items as {
      id: string;
      status: string;
    }[];
    const draft = mine.find((p) => p.status === 'draft');
    expect(draft).toBeDefined();
    expect((await call('GET', `/v1/projects/${draft?.id}`)).status).toBe(404);
  });
});
