import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, newUser, signIn, table } from '../support/api.ts';
import { openProject } from '../support/projects.ts';

const tally = (statuses: number[]) => {
  const t: Record<number, number> = {};
  for (const s of statuses) t[s] = (t[s] ?? 0) + 1;
  return t;
};

describe('invariants under concurrency', () => {
  it('20 simultaneous applications by one professional to one project: exactly one 201, the rest 409', async () => {
    const firm = await signIn('ise-firm@demo.kakehashi.jp');
    const project = await openProject(firm, { municipalityCode: '24203' });
    const { token } = await newUser('race');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'Racer' } });

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', `/v1/projects/${project.id}/applications`, { token, json: { proposal: `try ${i}` } }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual({ 201: 1, 409: 19 });
    expect((await call('GET', `/v1/projects/${project.id}`)).body.applicantCount).toBe(1);
    expect(
      (await call('GET', `/v1/projects/${project.id}/applications`, { token: firm })).body.items,
    ).toHaveLength(1);
  });

  it('many professionals applying at once are all accepted and counted', async () => {
    const firm = await signIn('ise-firm@demo.kakehashi.jp');
    const project = await openProject(firm, { municipalityCode: '24203' });
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => newUser(`crowd${i}`)));
    await Promise.all(
      people.map((p) =>
        call('PUT', '/v1/me', { token: p.token, json: { role: 'professional', displayName: 'P' } }),
      ),
    );
    const answers = await Promise.all(
      people.map((p) =>
        call('POST', `/v1/projects/${project.id}/applications`, { token: p.token, json: { proposal: 'hi' } }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual({ 201: 8 });
    expect((await call('GET', `/v1/projects/${project.id}`)).body.applicantCount).toBe(8);
  });

  it('10 simultaneous accepts of one application create exactly one engagement', async () => {
    const firm = await signIn('ise-firm@demo.kakehashi.jp');
    const project = await openProject(firm, { municipalityCode: '24203' });
    const { token } = await newUser('accepted');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'Chosen' } });
    const application = (
      await call('POST', `/v1/projects/${project.id}/applications`, { token, json: { proposal: 'me' } })
    ).body;

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', `/v1/applications/${application.id}/decision`, {
          token: firm,
          json: { decision: 'accept' },
        }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const engagementIds = new Set(answers.map((a) => a.body.engagementId));
    expect(engagementIds.size).toBe(1);

    const { doc, name } = table();
    const firmId = project.firmId;
    const found = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        FilterExpression: 'applicationId = :a',
        ExpressionAttributeValues: { ':pk': `FIRM#${firmId}#ENGAGEMENTS`, ':a': application.id },
      }),
    );
    expect(found.Items).toHaveLength(1);
    expect(found.Items?.[0]?.id).toBe([...engagementIds][0]);
  });
});
