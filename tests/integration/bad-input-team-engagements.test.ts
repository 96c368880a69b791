import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, table } from '../support/api.ts';
import { freshParties } from '../support/payments.ts';
import { openProject } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';
import { newProfessional, type Person, teamOf } from '../support/teams.ts';

/**
 * Generated bad input on a team engagement's shares and on applying as a team: always a 4xx with the error
 * shape and the field at fault, never a 5xx, and nothing written (no new shares version, no application).
 */

describe('bad input on team engagements', () => {
  let director: Person;
  let member: Person;
  let engagementId: string;
  let projectId: string;
  let teamId: string;
  const { doc, name } = table();
  const stored = async (pk: string, prefix: string) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: name,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        }),
      )
    ).Items ?? [];

  beforeAll(async () => {
    const { firm, pro } = await freshParties('bad-team');
    director = {
      ...pro,
      userId: (await call('GET', '/v1/me', { token: pro.token })).body.userId,
      displayName: 'x',
    };
    member = await newProfessional('メンバー');
    teamId = await teamOf(director, [member]);
    projectId = (await openProject(firm.token, { welcomesTeams: true })).id;
    const applied = await call('POST', `/v1/projects/${projectId}/applications`, {
      token: director.token,
      json: { proposal: 'チームで', teamId },
    });
    const accepted = await call('POST', `/v1/applications/${applied.body.id}/decision`, {
      token: firm.token,
      json: { decision: 'accept' },
    });
    engagementId = accepted.body.engagementId;
    projectId = (await openProject(firm.token, { welcomesTeams: true })).id; // a fresh one to apply to
  }, 60_000);

  const share = (userId: fc.Arbitrary<unknown>, percent: fc.Arbitrary<unknown>) =>
    fc.record({ userId, percent });
  const badShares = () =>
    fc.oneof(
      // Do not add up to 100
      fc
        .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
        .filter(([a, b]) => a + b !== 100)
        .map(([a, b]) => ({
          shares: [
            { userId: director.userId, percent: a },
            { userId: member.userId, percent: b },
          ],
        })),
      // Two decimals, out of range, not numbers
      fc
        .oneof(
          fc
            .double({ min: 0, max: 100, noNaN: true })
            .filter((p) => Math.abs(p * 10 - Math.round(p * 10)) > 1e-6),
          fc.double({ min: 100.1, max: 1e9, noNaN: true }),
          fc.double({ min: -1e9, max: -0.1, noNaN: true }),
          fc.string(),
          fc.constant(null),
          fc.boolean(),
        )
        .map((p) => ({ shares: [{ userId: director.userId, percent: p }] })),
      // The same member twice, a stranger, nobody, unknown fields, too many, not a list
      fc.constant({
        shares: [
          { userId: director.userId, percent: 50 },
          { userId: director.userId, percent: 50 },
        ],
      }),
      fc.uuid().map((id) => ({
        shares: [
          { userId: director.userId, percent: 50 },
          { userId: id, percent: 50 },
        ],
      })),
      fc.constant({ shares: [] }),
      fc.constant({ shares: [{ userId: director.userId, percent: 100 }], teamId }),
      fc.constant({ shares: [{ userId: director.userId, percent: 100, owner: true }] }),
      fc
        .array(share(fc.uuid(), fc.constant(5)), { minLength: 21, maxLength: 25 })
        .map((shares) => ({ shares })),
      fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      fc.record({ shares: fc.oneof(fc.string(), fc.integer(), fc.object()) }),
    );

  it('PUT /v1/engagements/{id}/shares: 400 with the field, no new version', async () => {
    const before = await stored(`ENGAGEMENT#${engagementId}`, 'SHARES#');
    await fc.assert(
      fc.asyncProperty(badShares(), async (body) => {
        const answer = await call('PUT', `/v1/engagements/${engagementId}/shares`, {
          token: director.token,
          json: body,
        });
        expectRefused(answer, body);
        if (answer.status === 400 && body && typeof body === 'object' && !Array.isArray(body))
          expect(answer.body.error.fields?.[0]?.path ?? '', JSON.stringify(body)).toMatch(/^body/);
      }),
      { numRuns: 60 },
    );
    const stranger = await call('PUT', `/v1/engagements/${engagementId}/shares`, {
      token: director.token,
      json: {
        shares: [
          { userId: director.userId, percent: 50 },
          { userId: 'not-a-member', percent: 50 },
        ],
      },
    });
    expectRefused(stranger, 'stranger', 'body.shares.1.userId');
    expect(await stored(`ENGAGEMENT#${engagementId}`, 'SHARES#')).toEqual(before);
  });

  it('PUT /v1/engagements/{id}/shares with a malformed id: 400 on path.id', async () => {
    const answer = await call('PUT', '/v1/engagements/not-an-id/shares', {
      token: director.token,
      json: { shares: [{ userId: director.userId, percent: 100 }] },
    });
    expectRefused(answer, 'not-an-id', 'path.id');
  });

  it('POST /v1/projects/{id}/applications with a bad teamId: 400 on body.teamId, nothing applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string().filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
          fc.integer(),
          fc.constant(null),
          fc.array(fc.uuid()),
        ),
        async (bad) => {
          const body = { proposal: 'チームで', teamId: bad };
          const answer = await call('POST', `/v1/projects/${projectId}/applications`, {
            token: director.token,
            json: body,
          });
          expectRefused(answer, body, 'body.teamId');
        },
      ),
      { numRuns: 30 },
    );
    // A well-formed id of a team that is not the caller's is not found.
    const other = await call('POST', `/v1/projects/${projectId}/applications`, {
      token: director.token,
      json: { proposal: 'チームで', teamId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(other.status).toBe(404);
    const byMember = await call('POST', `/v1/projects/${projectId}/applications`, {
      token: member.token,
      json: { proposal: 'チームで', teamId },
    });
    expect(byMember.status).toBe(403);
    expect(await stored(`PROJECT#${projectId}`, 'APPLICANT#')).toEqual([]);
  });
});
