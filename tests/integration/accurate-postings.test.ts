import { describe, expect, it } from 'vitest';
import { call, mailTo } from '../support/api.ts';
import { freshParties } from '../support/payments.ts';
import { openProject, projectBody } from '../support/projects.ts';
import { newProfessional, teamOf } from '../support/teams.ts';

/**
 * Accurate postings (募集情報の的確表示, フリーランス法 12条; issue 14): a project shows when it was last updated,
 * and when the fee, its tax, the hours or the remote style of an open project change, its applicants still in
 * play are told, old → new.
 */
const termsMails = async (email: string) =>
  (await mailTo(email)).filter((m) => m.subject.startsWith('応募した案件の条件が変わりました'));

describe('accurate postings (12条)', () => {
  it('a change of the fee and hours mails every live applicant, a team’s members too; a new title mails nobody', async () => {
    const { firm, pro } = await freshParties('postings');
    const [director, member, leaver] = await Promise.all([
      newProfessional('チーム 代表'),
      newProfessional('チーム 仲間'),
      newProfessional('取り下げ 次郎'),
    ]);
    const teamId = await teamOf(director, [member], 'まるごと支援チーム');
    const project = await openProject(firm.token, {
      monthlyFeeJpy: 50_000,
      hoursPerMonth: 20,
      welcomesTeams: true,
    });
    expect(project.updatedAt).toEqual(expect.any(String));
    expect(project.termsChangedAt).toBeUndefined();

    const apply = (token: string, extra: Record<string, unknown> = {}) =>
      call('POST', `/v1/projects/${project.id}/applications`, {
        token,
        json: { proposal: 'ECの立ち上げを月20時間で伴走します。', ...extra },
      });
    expect((await apply(pro.token)).status).toBe(201);
    expect((await apply(director.token, { teamId })).status).toBe(201);
    const withdrawn = await apply(leaver.token);
    expect(
      (await call('POST', `/v1/applications/${withdrawn.body.id}/withdraw`, { token: leaver.token })).status,
    ).toBe(200);

    // A new title is no change of the conditions: nobody is mailed, and nothing says the terms changed.
    const retitled = await call('PATCH', `/v1/projects/${project.id}`, {
      token: firm.token,
      json: { title: `${project.title}（改題）` },
    });
    expect(retitled.status).toBe(200);
    expect(retitled.body.termsChangedAt).toBeUndefined();
    expect(retitled.body.updatedAt > project.updatedAt).toBe(true);
    for (const p of [pro, director, member]) expect(await termsMails(p.email)).toEqual([]);

    const changed = await call('PATCH', `/v1/projects/${project.id}`, {
      token: firm.token,
      json: { monthlyFeeJpy: 60_000, hoursPerMonth: 30 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.termsChangedAt).toBe(changed.body.updatedAt);

    // The applicant, the team's director and its member each get the mail naming the project and each change.
    for (const p of [pro, director, member]) {
      const mails = await termsMails(p.email);
      expect(mails, p.email).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.subject).toContain(retitled.body.title);
      expect(mail?.text).toContain('月額報酬：¥50,000/月 → ¥60,000/月');
      expect(mail?.text).toContain('稼働時間：月 20 時間 → 月 30 時間');
      expect(mail?.text).toContain('Monthly fee: ¥50,000 a month → ¥60,000 a month');
      expect(mail?.text).not.toContain('リモート：');
      expect(mail?.text).toContain(`/projects/${project.id}`);
    }
    // Who withdrew is no applicant any more.
    expect(await termsMails(leaver.email)).toEqual([]);

    // Anyone reading the project sees when it was updated and when its conditions changed.
    const shown = await call('GET', `/v1/projects/${project.id}`);
    expect(shown.body).toMatchObject({
      monthlyFeeJpy: 60_000,
      hoursPerMonth: 30,
      updatedAt: changed.body.updatedAt,
      termsChangedAt: changed.body.termsChangedAt,
    });
    // And the applicant's list of applications says the project changed after they applied.
    const mine = await call('GET', '/v1/me/applications', { token: pro.token });
    const application = mine.body.items.find((a: { projectId: string }) => a.projectId === project.id);
    expect(application.project.termsChangedAt).toBe(changed.body.termsChangedAt);
    expect(application.project.termsChangedAt > application.createdAt).toBe(true);

    // Saving the same fee again changes nothing: no mail, the date stays.
    const same = await call('PATCH', `/v1/projects/${project.id}`, {
      token: firm.token,
      json: { monthlyFeeJpy: 60_000, remote: 'full' },
    });
    expect(same.body.termsChangedAt).toBe(changed.body.termsChangedAt);
    expect(await termsMails(pro.email)).toHaveLength(1);
  });

  it('a draft’s conditions are no posting yet: changing them records nothing', async () => {
    const { firm } = await freshParties('postings-draft');
    const draft = await call('POST', '/v1/projects', { token: firm.token, json: projectBody() });
    const edited = await call('PATCH', `/v1/projects/${draft.body.id}`, {
      token: firm.token,
      json: { monthlyFeeJpy: 70_000 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.monthlyFeeJpy).toBe(70_000);
    expect(edited.body.termsChangedAt).toBeUndefined();
  });
});
