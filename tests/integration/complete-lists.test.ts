import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, everyPage, newUser, signIn } from '../support/api.ts';
import { days, eventBody, hours, jst } from '../support/events.ts';
import { acceptedEngagement, freshParties } from '../support/payments.ts';
import { openProject, projectBody } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';

type Item = { id: string };

/** Every page of a list: the ids in the order read, and the size of each page. */
async function allPages(token: string, path: string, limit: number) {
  const { items, sizes } = await everyPage<Item>(token, path, limit);
  return { ids: items.map((i) => i.id), sizes };
}

describe('complete lists: a page at a time with a cursor', () => {
  it('a professional’s applications and a firm’s projects, every one exactly once, newest first', async () => {
    const { firm, pro } = await freshParties('lists');
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await openProject(firm.token)).id);
    const applied: string[] = [];
    for (const id of made)
      applied.push(
        (await call('POST', `/v1/projects/${id}/applications`, { token: pro.token, json: { proposal: 'p' } }))
          .body.id,
      );
    const drafts = [(await call('POST', '/v1/projects', { token: firm.token, json: projectBody() })).body.id];

    const applications = await allPages(pro.token, '/v1/me/applications', 3);
    expect(applications.ids).toEqual([...applied].reverse());
    expect(applications.sizes.slice(0, 2)).toEqual([3, 3]);
    const projects = await allPages(firm.token, '/v1/me/projects', 3);
    expect(projects.ids).toEqual([...made, ...drafts].reverse());
    // Without a limit: the first 20, so a short list is one page.
    const first = await call('GET', '/v1/me/projects', { token: firm.token });
    expect(first.body).toMatchObject({ nextCursor: null });
    expect(first.body.items).toHaveLength(8);
  });

  it('the engagements of a firm and of its professional page alike', async () => {
    const { firm, pro } = await freshParties('lists-eng');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await acceptedEngagement(firm.token, pro.token));
    for (const token of [firm.token, pro.token]) {
      const all = await allPages(token, '/v1/engagements', 2);
      expect(all.ids).toEqual([...ids].reverse());
      expect(all.sizes[0]).toBe(2);
    }
  });

  it('a project’s applicants page for its firm, oldest first, every one exactly once', async () => {
    const { firm } = await freshParties('lists-applicants');
    const project = await openProject(firm.token);
    const applied: string[] = [];
    for (let i = 0; i < 5; i++) {
      const pro = await newUser(`lists-applicant-${i}`);
      await call('PUT', '/v1/me', {
        token: pro.token,
        json: { role: 'professional', displayName: `応募者 ${i}` },
      });
      const a = await call('POST', `/v1/projects/${project.id}/applications`, {
        token: pro.token,
        json: { proposal: `提案 ${i}` },
      });
      applied.push(a.body.id);
    }
    const all = await allPages(firm.token, `/v1/projects/${project.id}/applications`, 2);
    expect(all.ids).toEqual(applied);
    expect(all.sizes).toEqual([2, 2, 1]);
    const first = await call('GET', `/v1/projects/${project.id}/applications?limit=2`, { token: firm.token });
    expect(
      first.body.items.map((a: { applicant: { displayName: string } }) => a.applicant.displayName),
    ).toEqual(['応募者 0', '応募者 1']);
    // The cursor belongs to this project's list: another project's list refuses it.
    const other = await openProject(firm.token);
    expectRefused(
      await call(
        'GET',
        `/v1/projects/${other.id}/applications?cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { token: firm.token },
      ),
      'another project',
      'query.cursor',
    );
  });

  it('a wide-area group’s staff page through events of all its towns, merged in time order, coming and past', async () => {
    const staff = await signIn('amami-staff@demo.kakehashi.jp');
    // Interleaved across two member towns, so a page holds events of both.
    const made: string[] = [];
    for (const [i, town] of ['46222', '46527', '46222', '46527', '46222'].entries()) {
      const at = days(40) + i * hours(5);
      const e = await call('POST', '/v1/events', {
        token: staff,
        json: eventBody({
          municipalityCode: town,
          venueName: '公民館',
          startsAt: jst(at),
          endsAt: jst(at + hours(2)),
          signupDeadline: jst(at - days(1)),
        }),
      });
      expect(e.status).toBe(201);
      made.push(e.body.id);
    }
    const coming = await everyPage<{ id: string; startsAt: string; endsAt: string }>(
      staff,
      '/v1/me/events',
      2,
    );
    expect(coming.sizes[0]).toBe(2);
    const ids = coming.items.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => made.includes(id))).toEqual(made);
    const starts = coming.items.map((e) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(coming.items.every((e) => Date.parse(e.endsAt) >= Date.now())).toBe(true);
    // The demo's past tours of Yurihama (Tottori's staff: two of them), latest first, a page each.
    const past = await everyPage<{ id: string; startsAt: string; endsAt: string }>(
      await signIn('staff@demo.kakehashi.jp'),
      '/v1/me/events?when=past',
      1,
    );
    expect(past.sizes.slice(0, 2)).toEqual([1, 1]);
    const pastStarts = past.items.map((e) => Date.parse(e.startsAt));
    expect(pastStarts).toEqual([...pastStarts].sort((a, b) => b - a));
    expect(past.items.every((e) => Date.parse(e.endsAt) < Date.now())).toBe(true);
    expectRefused(
      await call('GET', `/v1/me/events?cursor=${encodeURIComponent('eyJhZnRlciI6IngifQ')}`, { token: staff }),
      'made-up',
      'query.cursor',
    );
    expectRefused(await call('GET', '/v1/me/events?when=soon', { token: staff }), 'when', 'query.when');
  });

  it('a cursor of another list, a made-up one or a bad limit is a 400 naming the field', async () => {
    const { firm, pro } = await freshParties('lists-bad');
    for (let i = 0; i < 2; i++) await openProject(firm.token);
    const projects = await call('GET', '/v1/me/projects?limit=1', { token: firm.token });
    const foreign = projects.body.nextCursor as string;
    expect(foreign).toEqual(expect.any(String));
    // Another firm's cursor, or a cursor of another list, is not a key of this one.
    const other = await newUser('lists-other');
    await call('PUT', '/v1/me', {
      token: other.token,
      json: { role: 'firm', displayName: 'x', organizationName: 'x', municipalityCode: '31370' },
    });
    expectRefused(
      await call('GET', `/v1/me/projects?cursor=${encodeURIComponent(foreign)}`, { token: other.token }),
      'foreign',
      'query.cursor',
    );
    expectRefused(
      await call('GET', `/v1/me/applications?cursor=${encodeURIComponent(foreign)}`, { token: pro.token }),
      'another list',
      'query.cursor',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/me/projects', '/v1/me/applications', '/v1/engagements'),
        fc.oneof(
          fc.record({ cursor: fc.string({ minLength: 1, maxLength: 80 }) }),
          fc.record({ limit: fc.oneof(fc.integer({ min: 101 }), fc.integer({ max: 0 }), fc.string()) }),
          fc.record({ page: fc.string() }),
        ),
        async (path, query) => {
          const token = path === '/v1/me/projects' ? firm.token : pro.token;
          const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
          const answer = await call('GET', `${path}?${qs}`, { token });
          if (answer.status === 200) {
            // A string limit like "5" or " 7" is a number; anything else must be refused.
            expect(Object.keys(query)).toEqual(['limit']);
            return;
          }
          expectRefused(answer, query);
        },
      ),
      { numRuns: 40 },
    );
  });
});
