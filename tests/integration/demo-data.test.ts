import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../infra/local/demo-data.ts';
import { call, signIn } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';

const DEMO_FIRMS = new Set(
  demoAccounts.flatMap((a) => (a.profile.role === 'firm' ? [a.profile.organizationName] : [])),
);

describe('demo data seeded by the local cloud', () => {
  it('a dozen projects across the demo towns, one short-time, some with applications', async () => {
    // Town by town: other tests post projects of their own in these towns too, newer than the demo's.
    const towns = ['31370', '46222', '20383', '24203', '05346'];
    const pages = await Promise.all(
      towns.map(async (code) => (await call('GET', `/v1/projects?municipality=${code}&limit=50`)).body.items),
    );
    const demo = (
      pages.flat() as {
        municipalityCode: string;
        shortTime: boolean;
        applicantCount: number;
        organizationName: string;
      }[]
    ).filter((p) => DEMO_FIRMS.has(p.organizationName));
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

  it('tours and seminars modelled on the seeds, with the demo professional signed up and past attendance', async () => {
    // Other tests add events to the same cloud: read each demo town's own listing.
    const inTown = async (code: string) =>
      (await call('GET', `/v1/events?municipality=${code}&limit=50`)).body.items as any[];
    const events = (await Promise.all(['46222', '31370', '20383', '24203'].map(inTown))).flat();
    const amami = events.find((e) => e.venueName === 'アマホームPLAZA 中多目的室');
    expect(amami).toMatchObject({
      municipalityCode: '46222',
      selection: 'first_come',
      venueCapacity: 20,
      feeJpy: 0,
      status: 'published',
    });
    expect(amami.onlineCapacity).toBeGreaterThan(0);
    const tour = events.find(
      (e) => e.municipalityCode === '31370' && e.kind === 'tour' && e.selection === 'lottery',
    );
    expect(tour.feeJpy).toBeGreaterThan(0);
    expect(tour.onlineCapacity).toBe(0);
    expect(Date.parse(tour.endsAt) - Date.parse(tour.startsAt)).toBeGreaterThanOrEqual(86_400_000);
    expect(events.some((e) => e.municipalityCode === '20383' && e.childcare)).toBe(true);
    expect(events.some((e) => e.municipalityCode === '24203')).toBe(true);

    const pro = await signIn('pro@demo.kakehashi.jp');
    const mine = (await call('GET', '/v1/me/registrations?limit=50', { token: pro })).body.items as any[];
    expect(mine.find((r) => r.eventId === amami.id)).toMatchObject({ status: 'confirmed' });
    expect(mine.find((r) => r.eventId === amami.id).code).toMatch(/^[A-Z2-9]{8}$/);
    expect(mine.find((r) => r.eventId === tour.id)?.status).toBe('entered');
    const past = mine.filter((r) => Date.parse(r.startsAt) < Date.now());
    expect(past.some((r) => r.checkedInAt)).toBe(true);

    const staff = await signIn('amami-staff@demo.kakehashi.jp');
    const coming = (await call('GET', '/v1/me/events', { token: staff })).body.items as any[];
    expect(coming.map((e) => e.id)).toContain(amami.id);
    expect(coming.every((e) => Date.parse(e.endsAt) >= Date.now())).toBe(true);
    const ended = (await call('GET', '/v1/me/events?when=past', { token: staff })).body.items as any[];
    const before = ended[0];
    expect(Date.parse(before.endsAt)).toBeLessThan(Date.now());
    const list = (await call('GET', `/v1/events/${before.id}/registrations`, { token: staff })).body
      .items as any[];
    expect(list.filter((r) => r.checkedInAt).length).toBeGreaterThanOrEqual(3);
  });

  it('a Minowa team: a crowd director and four members share the town hall’s retainer, three months paid to each', async () => {
    const director = await signIn('minowa-director@demo.kakehashi.jp');
    const teams = (await call('GET', '/v1/me/teams', { token: director })).body.items as any[];
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({ yourRole: 'director', memberCount: 5 });
    const list = (await call('GET', '/v1/engagements', { token: director })).body.items as any[];
    const e = list.find((x) => x.team?.id === teams[0].id);
    expect(e).toMatchObject({ state: 'active', monthlyFeeJpy: 300_000 });
    expect(e.team.shares.map((s: any) => s.percent)).toEqual([28, 18, 18, 18, 18]);
    const member = await signIn('minowa-team1@demo.kakehashi.jp');
    const months = await eventually(async () => {
      const rows = (await call('GET', `/v1/engagements/${e.id}/invoices`, { token: member })).body
        .items as any[];
      expect(
        rows.filter((r) => r.status === 'paid' && r.split?.every((p: any) => p.transferred)),
      ).toHaveLength(3);
      return rows;
    }, 30_000);
    // ¥300,000 less 10 %: ¥270,000 a month, ¥75,600 to the director and ¥48,600 to each member.
    for (const m of months)
      expect(m.split.map((p: any) => p.netJpy)).toEqual([75_600, 48_600, 48_600, 48_600, 48_600]);
    const years = [...new Set(months.map((m) => m.paidAt.slice(0, 4)))];
    const own = (
      await Promise.all(
        years.map(async (y) => (await call('GET', `/v1/me/earnings?year=${y}`, { token: member })).body.rows),
      )
    ).flat();
    expect(own.map((r: any) => r.netJpy)).toEqual([48_600, 48_600, 48_600]);
  });
});
