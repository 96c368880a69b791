import { beforeAll, describe, expect, it } from 'vitest';
import { call, mailTo, newUser } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { acceptedEngagement, freshParties } from '../support/payments.ts';
import { openProject } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';
import { newProfessional, teamOf } from '../support/teams.ts';

/**
 * Requests for consideration (freelance act 13条, issue 14): the professional side records a request to balance
 * the work with pregnancy, childbirth, childcare or care; the firm sees it, is mailed, and answers once; the
 * requester sees the answer and is mailed it. The record is kept; strangers learn nothing of it.
 */
let firm: { email: string; token: string };
let pro: { email: string; token: string };
let long: string;

const path = (id: string) => `/v1/engagements/${id}/consideration-requests`;
const childcare = {
  kind: 'childcare',
  request: '保育園の送迎のため、平日16時以降の定例会議を午前に移していただけますか。',
};

beforeAll(async () => {
  ({ firm, pro } = await freshParties('considerations'));
  long = await acceptedEngagement(firm.token, pro.token, { durationMonths: 6 });
});

describe('a request for consideration, end to end', () => {
  it('is recorded by the professional, seen and answered by the firm, and the answer seen by the professional', async () => {
    const made = await call('POST', path(long), { token: pro.token, json: childcare });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      engagementId: long,
      requester: { displayName: 'considerations 太郎' },
      kind: 'childcare',
      request: childcare.request,
      dutyApplies: true,
    });
    expect(made.body.answer).toBeUndefined();
    const id = made.body.id as string;

    const firmSees = await call('GET', path(long), { token: firm.token });
    expect(firmSees.status).toBe(200);
    expect(firmSees.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    await eventually(async () => {
      const mail = (await mailTo(firm.email)).find((m) => m.subject.includes('配慮の申出がありました'));
      expect(mail?.text).toContain(childcare.request);
      expect(mail?.text).toContain('第13条第1項');
      expect(mail?.text).toContain(`/engagements/${long}`);
    });

    const answer = { answer: '定例会議を毎週火曜の10時に移します。', outcome: 'accommodated' };
    const answered = await call('PUT', `${path(long)}/${id}/answer`, { token: firm.token, json: answer });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      id,
      request: childcare.request,
      answer: { text: answer.answer, outcome: 'accommodated', answeredAt: expect.any(String) },
    });

    const proSees = await call('GET', path(long), { token: pro.token });
    expect(proSees.body.items).toEqual([answered.body]);
    await eventually(async () => {
      const mail = (await mailTo(pro.email)).find((m) => m.subject.includes('配慮の申出に回答がありました'));
      expect(mail?.text).toContain(answer.answer);
      expect(mail?.text).toContain('申出のとおり配慮します');
    });

    // Answered once: a second answer is refused and the first one stands.
    const again = await call('PUT', `${path(long)}/${id}/answer`, {
      token: firm.token,
      json: {
        answer: 'やはり難しくなりました。業務の都合上、会議の時間は変えられません。',
        outcome: 'not_possible',
      },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('answered');
    const kept = await call('GET', path(long), { token: firm.token });
    expect(kept.body.items[0].answer).toEqual(answered.body.answer);
  });

  it('lists requests oldest first', async () => {
    const e = await acceptedEngagement(firm.token, pro.token);
    const first = await call('POST', path(e), {
      token: pro.token,
      json: { kind: 'care', request: '親の通院の付き添い' },
    });
    const second = await call('POST', path(e), {
      token: pro.token,
      json: { kind: 'other', request: '月末は稼働を減らしたい' },
    });
    const list = await call('GET', path(e), { token: firm.token });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([first.body.id, second.body.id]);
  });

  it('says when only the effort duty applies: an engagement shorter than 6 months', async () => {
    const short = await acceptedEngagement(firm.token, pro.token, { durationMonths: 3 });
    const made = await call('POST', path(short), { token: pro.token, json: childcare });
    expect(made.status).toBe(201);
    expect(made.body.dutyApplies).toBe(false);
  });

  it('needs the firm to explain why when it is not possible', async () => {
    const made = await call('POST', path(long), {
      token: pro.token,
      json: { kind: 'pregnancy', request: '妊婦健診の日は午前を休みたい' },
    });
    const url = `${path(long)}/${made.body.id}/answer`;
    const terse = { answer: '無理です', outcome: 'not_possible' };
    expectRefused(await call('PUT', url, { token: firm.token, json: terse }), terse, 'body.answer');
    const why = {
      answer: '健診の日は前日までにご連絡いただければ、午前の作業を午後に振り替えます。',
      outcome: 'partly',
    };
    expect((await call('PUT', url, { token: firm.token, json: why })).status).toBe(200);
  });
});

describe('who may do what', () => {
  it('tells a stranger the engagement does not exist, and lets the firm answer but not ask', async () => {
    const stranger = await newUser('considerations-stranger');
    await call('PUT', '/v1/me', {
      token: stranger.token,
      json: { role: 'professional', displayName: '他人' },
    });
    const made = await call('POST', path(long), { token: pro.token, json: childcare });
    for (const [method, url, json] of [
      ['POST', path(long), childcare],
      ['GET', path(long), undefined],
    ] as const)
      expect((await call(method, url, { token: stranger.token, json })).status, `${method} ${url}`).toBe(404);
    const otherFirm = (await freshParties('considerations-other')).firm;
    const answer = { answer: '承知しました。', outcome: 'accommodated' };
    expect(
      (await call('PUT', `${path(long)}/${made.body.id}/answer`, { token: otherFirm.token, json: answer }))
        .status,
    ).toBe(404);
    expect((await call('GET', path(long), { token: otherFirm.token })).status).toBe(404);
    // The firm answers requests; it does not make them.
    expect((await call('POST', path(long), { token: firm.token, json: childcare })).status).toBe(403);
    // A professional cannot answer, even their own; an unknown request of the firm's engagement is 404.
    expect(
      (await call('PUT', `${path(long)}/${made.body.id}/answer`, { token: pro.token, json: answer })).status,
    ).toBe(403);
    expect(
      (
        await call('PUT', `${path(long)}/00000000-0000-4000-8000-000000000000/answer`, {
          token: firm.token,
          json: answer,
        })
      ).status,
    ).toBe(404);
  });

  it('lets each member of a team ask for themselves, and shows each only their own; the firm sees all', async () => {
    const [director, member] = await Promise.all([
      newProfessional('小松 由美'),
      newProfessional('箕輪 一郎'),
    ]);
    const teamId = await teamOf(director, [member]);
    const { id: project } = await openProject(firm.token, { welcomesTeams: true });
    const applied = await call('POST', `/v1/projects/${project}/applications`, {
      token: director.token,
      json: { proposal: 'チームで伴走します。', teamId },
    });
    const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
      token: firm.token,
      json: { decision: 'accept' },
    });
    const e = accepted.body.engagementId as string;
    const mine = await call('POST', path(e), { token: director.token, json: childcare });
    const theirs = await call('POST', path(e), {
      token: member.token,
      json: { kind: 'care', request: '介護のため水曜は稼働できません。' },
    });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.requester).toEqual({ id: member.userId, displayName: '箕輪 一郎' });
    const idsOf = async (token: string) =>
      (await call('GET', path(e), { token })).body.items.map((r: { id: string }) => r.id);
    expect(await idsOf(director.token)).toEqual([mine.body.id]);
    expect(await idsOf(member.token)).toEqual([theirs.body.id]);
    expect(await idsOf(firm.token)).toEqual([mine.body.id, theirs.body.id]);
  });
});

describe('bad input', () => {
  it('is refused with the field at fault, and nothing is recorded', async () => {
    const e = await acceptedEngagement(firm.token, pro.token);
    const cases: [unknown, string][] = [
      [{ kind: 'holiday', request: 'x' }, 'body.kind'],
      [{ request: 'x' }, 'body.kind'],
      [{ kind: 'childcare', request: '   ' }, 'body.request'],
      [{ kind: 'childcare', request: 'あ'.repeat(2001) }, 'body.request'],
      [{ kind: 'childcare' }, 'body.request'],
      [{ kind: 'childcare', request: 42 }, 'body.request'],
    ];
    for (const [json, field] of cases) {
      const answer = await call('POST', path(e), { token: pro.token, json });
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expectRefused(answer, json, field);
    }
    expect((await call('GET', path(e), { token: firm.token })).body.items).toEqual([]);
    const made = await call('POST', path(e), { token: pro.token, json: childcare });
    for (const [json, field] of [
      [{ answer: '', outcome: 'accommodated' }, 'body.answer'],
      [{ answer: 'はい', outcome: 'yes' }, 'body.outcome'],
    ] as const) {
      const answer = await call('PUT', `${path(e)}/${made.body.id}/answer`, { token: firm.token, json });
      expect(answer.status).toBe(400);
      expectRefused(answer, json, field);
    }
    expect((await call('GET', `${path(e)}`, { token: firm.token })).body.items[0].answer).toBeUndefined();
    const badId = await call('PUT', `${path(e)}/not-an-id/answer`, {
      token: firm.token,
      json: { answer: 'はい', outcome: 'accommodated' },
    });
    expectRefused(badId, 'not-an-id', 'path.requestId');
  });
});
