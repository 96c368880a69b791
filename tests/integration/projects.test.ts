import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, mailTo, newUser, signIn, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import { openProject, projectBody } from '../support/projects.ts';

const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((p) => p.id);

describe('the marketplace journey', () => {
  it('a firm posts and publishes; a professional finds it by prefecture, skill and a Japanese keyword, applies; the firm accepts once', async () => {
    const firm = await signIn('firm@demo.kakehashi.jp');
    const { email: proEmail, token: pro } = await newUser('journey-pro');
    await call('PUT', '/v1/me', {
      token: pro,
      json: { role: 'professional', displayName: '山田 一郎', skills: ['ec'] },
    });

    const body = projectBody({
      title: '二十世紀梨の返礼品企画と越境EC',
      skills: ['furusato-nozei', 'ec'],
      shortTime: true,
    });
    const draft = await call('POST', '/v1/projects', { token: firm, json: body });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      organizationName: '株式会社ゆりはま梨園',
      municipalityName: '湯梨浜町',
      prefectureName: '鳥取県',
      applicantCount: 0,
    });
    const id = draft.body.id;

    // A draft is the firm's alone.
    expect((await call('GET', `/v1/projects/${id}`)).status).toBe(404);
    expect((await call('GET', `/v1/projects/${id}`, { token: pro })).status).toBe(404);
    expect((await call('GET', `/v1/projects/${id}`, { token: firm })).status).toBe(200);

    const edited = await call('PATCH', `/v1/projects/${id}`, {
      token: firm,
      json: { monthlyFeeJpy: 60_000 },
    });
    expect(edited.body.monthlyFeeJpy).toBe(60_000);
    expect((await call('POST', `/v1/projects/${id}/publish`, { token: firm })).body.status).toBe('open');

    // Found by prefecture, by skill, by a Japanese keyword from the title, and by filters combined.
    await eventually(async () => expect(ids(await call('GET', '/v1/projects?prefecture=31'))).toContain(id));
    await eventually(async () =>
      expect(ids(await call('GET', '/v1/projects?skill=furusato-nozei'))).toContain(id),
    );
    await eventually(async () =>
      expect(ids(await call('GET', `/v1/projects?q=${encodeURIComponent('返礼品')}`))).toContain(id),
    );
    const combined = await call(
      'GET',
      '/v1/projects?prefecture=31&skill=ec&minFee=60000&maxHours=20&remote=full&shortTime=true',
    );
    expect(ids(combined)).toContain(id);
    expect(ids(await call('GET', '/v1/projects?prefecture=31&minFee=60001'))).not.toContain(id);
    expect(ids(await call('GET', '/v1/projects?prefecture=46'))).not.toContain(id);
    const found = (await call('GET', '/v1/projects?prefecture=31')).body.items.find(
      (p: { id: string }) => p.id === id,
    );
    expect(found).toMatchObject({
      municipalityName: '湯梨浜町',
      prefectureName: '鳥取県',
      applicantCount: 0,
    });

    // Applies; the firm hears of it.
    const applied = await call('POST', `/v1/projects/${id}/applications`, {
      token: pro,
      json: { proposal: 'EC運営10年の経験があります。' },
    });
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('submitted');
    expect((await call('GET', `/v1/projects/${id}`)).body.applicantCount).toBe(1);
    expect(
      (await mailTo('firm@demo.kakehashi.jp')).some((m) => m.subject.includes('二十世紀梨の返礼品企画')),
    ).toBe(true);

    const mine = await call('GET', '/v1/me/applications', { token: pro });
    expect(mine.body.items[0]).toMatchObject({
      id: applied.body.id,
      status: 'submitted',
      project: { id, title: body.title, status: 'open' },
    });

    const applicants = await call('GET', `/v1/projects/${id}/applications`, { token: firm });
    expect(applicants.body.items).toHaveLength(1);
    expect(applicants.body.items[0]).toMatchObject({
      proposal: 'EC運営10年の経験があります。',
      applicant: { displayName: '山田 一郎', skills: ['ec'] },
    });

    // The firm shortlists, then accepts: one engagement, awaiting payment, with the project's terms.
    expect(
      (
        await call('POST', `/v1/applications/${applied.body.id}/decision`, {
          token: firm,
          json: { decision: 'shortlist' },
        })
      ).body.status,
    ).toBe('shortlisted');
    const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
      token: firm,
      json: { decision: 'accept' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.engagementId).toEqual(expect.any(String));
    const again = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
      token: firm,
      json: { decision: 'accept' },
    });
    expect(again.body.engagementId).toBe(accepted.body.engagementId);

    const { doc, name } = table();
    const engagements = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': `PRO#${applicants.body.items[0].applicant.userId}#ENGAGEMENTS` },
      }),
    );
    expect(engagements.Items).toHaveLength(1);
    expect(engagements.Items?.[0]).toMatchObject({
      state: 'awaiting_payment',
      monthlyFeeJpy: 60_000,
      hoursPerMonth: 20,
      durationMonths: 6,
      projectId: id,
    });

    const proMail = await mailTo(proEmail);
    expect(proMail.some((m) => m.subject.startsWith('選考が進みました'))).toBe(true);
    expect(
      proMail.some(
        (m) => m.subject.startsWith('採用が決まりました') && m.text.includes('accepted your application'),
      ),
    ).toBe(true);

    // A declined application cannot be accepted afterwards; the firm's list shows the count.
    const firmList = await call('GET', '/v1/me/projects', { token: firm });
    expect(firmList.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({
      applicantCount: 1,
      status: 'open',
    });
  });

  it('closing a project stops applications and takes it out of the listings', async () => {
    const firm = await signIn('firm@demo.kakehashi.jp');
    const project = await openProject(firm);
    await eventually(async () =>
      expect(ids(await call('GET', '/v1/projects?municipality=31370'))).toContain(project.id),
    );
    expect((await call('POST', `/v1/projects/${project.id}/close`, { token: firm })).body.status).toBe(
      'closed',
    );
    const pro = await signIn('pro@demo.kakehashi.jp');
    const late = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro,
      json: { proposal: 'x' },
    });
    expect(late.status).toBe(409);
    expect(ids(await call('GET', '/v1/projects?municipality=31370'))).not.toContain(project.id);
    expect((await call('POST', `/v1/projects/${project.id}/publish`, { token: firm })).status).toBe(409);
    expect(
      (await call('PATCH', `/v1/projects/${project.id}`, { token: firm, json: { title: 'x' } })).status,
    ).toBe(409);
  });

  it('a withdrawn or declined application cannot be accepted; withdrawing after a decision is refused', async () => {
    const firm = await signIn('firm@demo.kakehashi.jp');
    const project = await openProject(firm);
    const a = await newUser('w-a');
    const b = await newUser('w-b');
    for (const u of [a, b])
      await call('PUT', '/v1/me', { token: u.token, json: { role: 'professional', displayName: 'P' } });
    const appA = (
      await call('POST', `/v1/projects/${project.id}/applications`, {
        token: a.token,
        json: { proposal: 'a' },
      })
    ).body;
    const appB = (
      await call('POST', `/v1/projects/${project.id}/applications`, {
        token: b.token,
        json: { proposal: 'b' },
      })
    ).body;

    expect((await call('POST', `/v1/applications/${appA.id}/withdraw`, { token: a.token })).body.status).toBe(
      'withdrawn',
    );
    expect(
      (
        await call('POST', `/v1/applications/${appA.id}/decision`, {
          token: firm,
          json: { decision: 'accept' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('POST', `/v1/applications/${appB.id}/decision`, {
          token: firm,
          json: { decision: 'decline' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('POST', `/v1/applications/${appB.id}/decision`, {
          token: firm,
          json: { decision: 'accept' },
        })
      ).status,
    ).toBe(409);
    expect((await call('POST', `/v1/applications/${appB.id}/withdraw`, { token: b.token })).status).toBe(409);
  });

  it('the firm chooses the kind of work, and a patch can clear an optional field with null', async () => {
    const firm = await signIn('firm@demo.kakehashi.jp');
    const { workType: _, ...withoutKind } = projectBody();
    const missing = await call('POST', '/v1/projects', { token: firm, json: withoutKind });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toContain('body.workType');
    const created = await call('POST', '/v1/projects', {
      token: firm,
      json: projectBody({ workType: 'design', challenge: '課題', startMonth: '2027-04' }),
    });
    expect(created.body).toMatchObject({ workType: 'design', challenge: '課題', startMonth: '2027-04' });
    const cleared = await call('PATCH', `/v1/projects/${created.body.id}`, {
      token: firm,
      json: { challenge: null, startMonth: null, workType: 'writing' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.challenge).toBeUndefined();
    expect(cleared.body.startMonth).toBeUndefined();
    expect(cleared.body.workType).toBe('writing');
    const again = (await call('GET', `/v1/projects/${created.body.id}`, { token: firm })).body;
    expect(again).not.toHaveProperty('challenge');
    expect(again).not.toHaveProperty('startMonth');
    // What is required cannot be cleared.
    const required = await call('PATCH', `/v1/projects/${created.body.id}`, {
      token: firm,
      json: { title: null },
    });
    expect(required.status).toBe(400);
    expect(required.body.error.fields[0].path).toBe('body.title');
  });

  it('withdrawing lowers the applicant count and lets the professional apply again, the old one kept as withdrawn', async () => {
    const firm = await signIn('firm@demo.kakehashi.jp');
    const project = await openProject(firm);
    const pro = await newUser('w-again');
    await call('PUT', '/v1/me', { token: pro.token, json: { role: 'professional', displayName: 'P' } });
    const count = async () => (await call('GET', `/v1/projects/${project.id}`)).body.applicantCount;
    const first = (
      await call('POST', `/v1/projects/${project.id}/applications`, {
        token: pro.token,
        json: { proposal: '1' },
      })
    ).body;
    expect(await count()).toBe(1);
    // Withdrawing twice at once: one withdrawal, the count down by one only.
    const both = await Promise.all([
      call('POST', `/v1/applications/${first.id}/withdraw`, { token: pro.token }),
      call('POST', `/v1/applications/${first.id}/withdraw`, { token: pro.token }),
    ]);
    expect(both.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(both.some((a) => a.status === 200)).toBe(true);
    expect(await count()).toBe(0);
    const again = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro.token,
      json: { proposal: '2' },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.id);
    expect(await count()).toBe(1);
    // Once is still once: a third application while the second stands is refused.
    const third = await call('POST', `/v1/projects/${project.id}/applications`, {
      token: pro.token,
      json: { proposal: '3' },
    });
    expect(third.status).toBe(409);
    const mine = (await call('GET', '/v1/me/applications', { token: pro.token })).body.items as {
      id: string;
      status: string;
    }[];
    expect(
      mine
        .filter((a) => [first.id, again.body.id].includes(a.id))
        .map((a) => a.status)
        .sort(),
    ).toEqual(['submitted', 'withdrawn']);
    // The firm sees both, the withdrawn one marked so.
    const applicants = (await call('GET', `/v1/projects/${project.id}/applications`, { token: firm })).body
      .items;
    expect(applicants.map((a: { status: string }) => a.status).sort()).toEqual(['submitted', 'withdrawn']);
  });

  it('pages through results with a cursor, newest first, and refuses a forged cursor or filter with 400', async () => {
    const firm = await signIn('minowa-firm@demo.kakehashi.jp');
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await openProject(firm, { municipalityCode: '20383', skills: ['seizo-dx'] })).id);
    const seen: string[] = [];
    await eventually(async () => {
      seen.length = 0;
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(
          'GET',
          `/v1/projects?skill=seizo-dx&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.filter((id) => made.includes(id))).toEqual([...made].reverse());
    });
    const forged = await call(
      'GET',
      `/v1/projects?skill=seizo-dx&cursor=${Buffer.from('{"PK":"USER#x","SK":"PROFILE"}').toString('base64url')}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.fields[0].path).toBe('query.cursor');
    expect((await call('GET', '/v1/projects?cursor=%%%')).status).toBe(400);
    expect((await call('GET', '/v1/projects?minFee=abc')).status).toBe(400);
    expect((await call('GET', '/v1/projects?limit=1000')).status).toBe(400);
    expect((await call('GET', '/v1/projects?remote=space')).status).toBe(400);
  });
});
