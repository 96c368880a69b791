import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, cloud, mailTo, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  deliver,
  engagementIn,
  freshParties,
  localStripe,
  onboardPayouts,
  payCheckout,
  signed,
  stripeSdk,
} from '../support/payments.ts';
import { openProject } from '../support/projects.ts';
import { newProfessional, teamOf } from '../support/teams.ts';

type Part = {
  userId: string;
  percent: number;
  grossJpy: number;
  platformFeeJpy: number;
  feeTaxJpy: number;
  netJpy: number;
  transferred: boolean;
};
type Month = { invoiceId: string; status: string; grossJpy: number; netJpy: number; split?: Part[] };
type Recorded = { event: { id: string; type: string }; payload: string; delivery: { status: string } };

const months = async (token: string, id: string) =>
  (await call('GET', `/v1/engagements/${id}/invoices`, { token })).body.items as Month[];
const paidMonths = async (token: string, id: string) =>
  (await months(token, id)).filter((m) => m.status === 'paid');
const redeliver = (r: Recorded) => deliver(undefined, signed(r.payload), r.payload);
const transfersOf = async (invoiceId: string) =>
  (await stripeSdk().transfers.list({ transfer_group: invoiceId, limit: 100 })).data;

/** A firm, a director and two members; the team applies for a project that welcomes teams and is accepted. */
async function acceptedTeam(tag: string, project: Record<string, unknown> = { monthlyFeeJpy: 50_000 }) {
  const { firm, pro } = await freshParties(tag);
  const director = { ...pro, userId: '', displayName: `${tag} 太郎` };
  director.userId = (await call('GET', '/v1/me', { token: pro.token })).body.userId;
  const members = [await newProfessional(`${tag} 花子`), await newProfessional(`${tag} 次郎`)];
  const teamId = await teamOf(director, members);
  const { id: projectId } = await openProject(firm.token, { ...project, welcomesTeams: true });
  const applied = await call('POST', `/v1/projects/${projectId}/applications`, {
    token: director.token,
    json: { proposal: 'チームで分担して毎月の運営を担います。', teamId },
  });
  expect(applied.status).toBe(201);
  expect(applied.body).toMatchObject({ teamId, teamName: '箕輪クラウドチーム' });
  const decided = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
    token: firm.token,
    json: { decision: 'accept' },
  });
  expect(decided.status).toBe(200);
  return { firm, director, members, teamId, projectId, id: decided.body.engagementId as string };
}

describe('a team engagement: shares, transfers and statements', () => {
  it('waits for every member’s payouts, splits each month to the yen and pays each member by a transfer', async () => {
    const t = await acceptedTeam('team-pay');
    const [hanako, jiro] = t.members as [typeof t.director, typeof t.director];
    const e = (await call('GET', `/v1/engagements/${t.id}`, { token: jiro.token })).body;
    // Equal shares, director first; every member may see it.
    expect(e.team.shares.map((s: Part) => s.percent)).toEqual([33.4, 33.3, 33.3]);
    expect(e.team.shares.map((s: Part) => s.userId)).toEqual([t.director.userId, hanako.userId, jiro.userId]);
    expect(e.team.yourTeamRole).toBe('member');
    // Every member is told the team was accepted.
    for (const m of t.members)
      await eventually(async () =>
        expect((await mailTo(m.email)).some((mail) => mail.text.includes('採用しました'))).toBe(true),
      );

    // Checkout waits until every member with a share can be paid, and says who cannot yet.
    await onboardPayouts(t.director.token);
    const early = await call('POST', `/v1/engagements/${t.id}/checkout`, { token: t.firm.token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('payouts_not_ready');
    expect(early.body.error.message).toContain(hanako.displayName);
    expect(early.body.error.message).toContain(jiro.displayName);
    await onboardPayouts(hanako.token);
    const still = await call('POST', `/v1/engagements/${t.id}/checkout`, { token: t.firm.token });
    expect(still.body.error.message).toContain(jiro.displayName);
    expect(still.body.error.message).not.toContain(hanako.displayName);
    await onboardPayouts(jiro.token);

    // The first month: ¥50,000, fee ¥5,000 (tax ¥454), net ¥45,000 divided 33.4 / 33.3 / 33.3.
    const session = await payCheckout(t.firm.token, t.id);
    const active = await engagementIn(t.firm.token, t.id, 'active');
    const first = await eventually(async () => {
      const [m] = await paidMonths(hanako.token, t.id);
      expect(m?.split?.every((p) => p.transferred)).toBe(true);
      return m as Month;
    });
    expect(first).toMatchObject({ grossJpy: 50_000, netJpy: 45_000 });
    expect(first.split?.map((p) => [p.netJpy, p.platformFeeJpy, p.feeTaxJpy, p.grossJpy])).toEqual([
      [15_030, 1_670, 152, 16_700],
      [14_985, 1_665, 151, 16_650],
      [14_985, 1_665, 151, 16_650],
    ]);
    const transfers = await transfersOf(first.invoiceId);
    expect(transfers.map((tr) => tr.amount).sort()).toEqual([14_985, 14_985, 15_030]);
    expect(new Set(transfers.map((tr) => tr.source_transaction)).size).toBe(1);
    expect(transfers[0]?.source_transaction).toMatch(/^ch_/);
    // The firm's document for the month: one, a line per member with their part (none registered here), and each
    // member's own invoice for their part of the platform fee.
    const docs = `/v1/engagements/${t.id}/invoices/${first.invoiceId}/documents`;
    const fee = await call('GET', `${docs}/fee`, { token: t.firm.token });
    expect(fee.body).toMatchObject({ qualified: false, totalJpy: 50_000 });
    expect(fee.body.parts[0].lines.map((l: { amountJpy: number }) => l.amountJpy)).toEqual([
      16_700, 16_650, 16_650,
    ]);
    const hanakoFee = await call('GET', `${docs}/platform_fee`, { token: hanako.token });
    expect(hanakoFee.body).toMatchObject({ professionalId: hanako.userId, totalJpy: 1_665 });

    // The director changes the shares: they apply from the next paid month, the current one stays.
    const set = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: t.director.token,
      json: {
        shares: [
          { userId: t.director.userId, percent: 50 },
          { userId: hanako.userId, percent: 30 },
          { userId: jiro.userId, percent: 20 },
        ],
      },
    });
    expect(set.status).toBe(200);
    expect(set.body.team.shares.map((s: Part) => s.percent)).toEqual([33.4, 33.3, 33.3]);
    expect(set.body.team.nextShares).toMatchObject({ from: active.currentPeriod.end });
    expect(set.body.team.nextShares.shares.map((s: Part) => s.percent)).toEqual([50, 30, 20]);
    // A change of terms: the terms of the team engagement are issued again, naming each member's new share.
    const terms = await call('GET', `/v1/engagements/${t.id}/terms`, { token: hanako.token });
    expect(terms.body.versions.map((v: { reason: string }) => v.reason)).toEqual([
      'accepted',
      'shares_changed',
    ]);
    expect(terms.body.current.facts.team.members.map((m: { percent: number }) => m.percent)).toEqual([
      50, 30, 20,
    ]);
    const issued = await call('GET', `/v1/engagements/${t.id}/terms/1`, { token: hanako.token });
    expect(issued.body.facts.team.members.map((m: { percent: number }) => m.percent)).toEqual([
      33.4, 33.3, 33.3,
    ]);
    // Only the director sets them, and only to members, summing to 100.
    const byMember = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: hanako.token,
      json: { shares: [{ userId: hanako.userId, percent: 100 }] },
    });
    expect(byMember.status).toBe(403);
    const stranger = await newProfessional('部外者');
    const toStranger = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: t.director.token,
      json: {
        shares: [
          { userId: t.director.userId, percent: 50 },
          { userId: stranger.userId, percent: 50 },
        ],
      },
    });
    expect(toStranger.status).toBe(400);
    expect(toStranger.body.error.fields).toEqual([
      { path: 'body.shares.1.userId', message: expect.any(String) },
    ]);

    // The second month, paid while webhooks are held: delivered twice at once and out of order, paid once.
    const customer = (await stripeSdk().checkout.sessions.retrieve(session)).customer as string;
    await localStripe('webhooks', { enabled: false, customer });
    await localStripe('clock/advance', { months: 1, customer });
    const all = (await (await fetch(`${cloud().stripeUrl}/_local/events`)).json()).items as Recorded[];
    const held = all.filter((r) => r.payload.includes(t.id) && r.delivery.status === 'skipped');
    const paid = held.find((r) => r.event.type === 'invoice.paid') as Recorded;
    expect(paid).toBeDefined();
    const answers = await Promise.all([
      redeliver(paid),
      redeliver(paid),
      ...[...held].reverse().map(redeliver),
    ]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await redeliver(paid)).status).toBe(200);
    await localStripe('webhooks', { enabled: true, customer });
    const second = await eventually(async () => {
      const m = (await paidMonths(t.firm.token, t.id))[1];
      expect(m?.split?.every((p) => p.transferred)).toBe(true);
      return m as Month;
    });
    // 50 / 30 / 20 of ¥45,000; the fee's tax ¥454 is 227 / 136.2 / 90.8: the spare yen goes to the largest remainder.
    expect(second.split?.map((p) => [p.percent, p.netJpy, p.platformFeeJpy, p.feeTaxJpy])).toEqual([
      [50, 22_500, 2_500, 227],
      [30, 13_500, 1_500, 136],
      [20, 9_000, 1_000, 91],
    ]);
    const paidTwice = await transfersOf(second.invoiceId);
    expect(paidTwice.map((tr) => tr.amount).sort((a, b) => a - b)).toEqual([9_000, 13_500, 22_500]);

    // Each member's connected account holds exactly their nets.
    const jiroAccount = paidTwice.find((tr) => tr.metadata?.userId === jiro.userId)?.destination as string;
    const balance = await stripeSdk().balance.retrieve({}, { stripeAccount: jiroAccount });
    expect(balance.available[0]?.amount).toBe(14_985 + 9_000);

    // Each member's statement has their own rows only (the months may fall in two years on the clock).
    const years = [
      ...new Set([first, second].map((m) => (m as Month & { paidAt: string }).paidAt.slice(0, 4))),
    ];
    const statements = await Promise.all(
      years.map(async (y) => (await call('GET', `/v1/me/earnings?year=${y}`, { token: jiro.token })).body),
    );
    const rows = statements.flatMap((st) => st.rows as { netJpy: number; grossJpy: number }[]);
    expect(rows.map((r) => r.netJpy).sort((a, b) => a - b)).toEqual([9_000, 14_985]);
    expect(rows.map((r) => r.grossJpy).sort((a, b) => a - b)).toEqual([10_000, 16_650]);

    // The relationship population: each paid member has the month's tie with the firm's town (stream-fed).
    const { doc, name } = table();
    for (const member of [t.director, hanako, jiro])
      await eventually(async () => {
        const { Item } = await doc.send(
          new GetCommand({
            TableName: name,
            Key: { PK: `METRICS#31370#PERSON#${member.userId}`, SK: 'MARKER' },
          }),
        );
        expect(JSON.stringify(Item?.marker ?? {})).toContain(`pay:${second.invoiceId}#${member.userId}`);
      }, 60_000); // the stream also carries the demo's history at start
  });

  it('withholds on each member’s own payment at the ¥1,000,000 boundary', async () => {
    const t = await acceptedTeam('team-tax', { monthlyFeeJpy: 1_000_000, workType: 'design' });
    const [hanako, jiro] = t.members as [typeof t.director, typeof t.director];
    // All of the month to Hanako; the others at 0 % are not paid and need no payouts.
    const set = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: t.director.token,
      json: {
        shares: [
          { userId: t.director.userId, percent: 0 },
          { userId: hanako.userId, percent: 100 },
          { userId: jiro.userId, percent: 0 },
        ],
      },
    });
    expect(set.status).toBe(200);
    expect(set.body.team.shares.map((s: Part) => s.percent)).toEqual([0, 100, 0]);
    await onboardPayouts(hanako.token);
    await payCheckout(t.firm.token, t.id);
    const [month] = await eventually(async () => {
      const m = await paidMonths(t.firm.token, t.id);
      expect(m[0]?.split?.[0]?.transferred).toBe(true);
      return m;
    });
    expect(month?.split).toEqual([
      expect.objectContaining({
        userId: hanako.userId,
        grossJpy: 1_000_000,
        platformFeeJpy: 100_000,
        netJpy: 900_000,
      }),
    ]);
    // The operator marks `design` for withholding (the tests' settings), the work type the firm chose.
    const earnings = (await call('GET', '/v1/me/earnings', { token: hanako.token })).body;
    expect(earnings.rows[0]).toMatchObject({ grossJpy: 1_000_000, withholdingJpy: 102_100 });
    expect((await call('GET', '/v1/me/earnings', { token: jiro.token })).body.rows).toEqual([]);
  });

  it('a project may welcome teams, and browse can show only those', async () => {
    const { firm } = await freshParties('team-browse');
    const [welcoming, solo] = await Promise.all([
      openProject(firm.token, { welcomesTeams: true, title: 'チーム歓迎の案件' }),
      openProject(firm.token, { title: '一人向けの案件' }),
    ]);
    expect(welcoming.welcomesTeams).toBe(true);
    expect(solo.welcomesTeams).toBe(false);
    await eventually(async () => {
      const all = (await call('GET', '/v1/projects?municipality=31370&limit=50')).body.items as {
        id: string;
      }[];
      expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([welcoming.id, solo.id]));
      const teams = (await call('GET', '/v1/projects?municipality=31370&teams=true&limit=50')).body.items as {
        id: string;
        welcomesTeams: boolean;
      }[];
      expect(teams.map((p) => p.id)).toContain(welcoming.id);
      expect(teams.map((p) => p.id)).not.toContain(solo.id);
      expect(teams.every((p) => p.welcomesTeams)).toBe(true);
    }, 30_000);
  });

  it('a member who leaves: their share goes to the others in proportion, from the next paid month', async () => {
    const t = await acceptedTeam('team-leave');
    const [hanako, jiro] = t.members as [typeof t.director, typeof t.director];
    const left = await call('POST', `/v1/teams/${t.teamId}/leave`, { token: jiro.token });
    expect(left.status).toBe(200);
    // Before payment starts, the next paid month is the first: 33.4 : 33.3 of what remains → 50.1 / 49.9.
    const e = (await call('GET', `/v1/engagements/${t.id}`, { token: t.director.token })).body;
    expect(e.team.shares).toEqual([
      expect.objectContaining({ userId: t.director.userId, percent: 50.1 }),
      expect.objectContaining({ userId: hanako.userId, percent: 49.9 }),
    ]);
    // Shares can no longer name them.
    const back = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: t.director.token,
      json: {
        shares: [
          { userId: t.director.userId, percent: 50 },
          { userId: jiro.userId, percent: 50 },
        ],
      },
    });
    expect(back.status).toBe(400);
  });

  it('a member who joins later is offered to the director and, given a share, sees the engagement', async () => {
    const t = await acceptedTeam('team-late');
    const late = await newProfessional('後から 参加');
    await call('POST', `/v1/teams/${t.teamId}/invitations`, {
      token: t.director.token,
      json: { email: late.email },
    });
    expect((await call('POST', `/v1/teams/${t.teamId}/join`, { token: late.token })).status).toBe(200);
    expect((await call('GET', `/v1/engagements/${t.id}`, { token: late.token })).status).toBe(404);
    const seen = (await call('GET', `/v1/engagements/${t.id}`, { token: t.director.token })).body;
    expect(seen.team.shares.map((s: Part) => s.userId)).not.toContain(late.userId);
    expect(seen.team.members.map((m: { userId: string }) => m.userId)).toContain(late.userId);
    const [hanako, jiro] = t.members as [typeof t.director, typeof t.director];
    const set = await call('PUT', `/v1/engagements/${t.id}/shares`, {
      token: t.director.token,
      json: {
        shares: [
          { userId: t.director.userId, percent: 25 },
          { userId: hanako.userId, percent: 25 },
          { userId: jiro.userId, percent: 25 },
          { userId: late.userId, percent: 25 },
        ],
      },
    });
    expect(set.status).toBe(200);
    const theirs = await call('GET', `/v1/engagements/${t.id}`, { token: late.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.team).toMatchObject({ yourTeamRole: 'member' });
    expect(theirs.body.team.members).toBeUndefined(); // the team's list is the director's
    const list = (await call('GET', '/v1/engagements', { token: late.token })).body.items as { id: string }[];
    expect(list.map((e) => e.id)).toEqual([t.id]);
  });
});
