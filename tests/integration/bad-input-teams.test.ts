import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, table } from '../support/api.ts';
import { notAnObject, notAString, unknownKey } from '../support/bad-values.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every route of the teams (bodies, ids, the list's page query): always a 4xx with the
 * error shape and never a 5xx, and
 * nothing is written (the team's partition and the caller's memberships stay as they were). The callers are
 * fresh accounts, so other test files running at once cannot disturb the check.
 */

const badTeams = fc.oneof(
  fc.record({ name: notAString }),
  fc.record({ name: fc.constant('チーム'), description: notAString }),
  fc.constant({}),
  fc.constant({ name: '   ' }),
  fc.constant({ description: 'no name' }),
  fc.integer({ min: 81, max: 50_000 }).map((n) => ({ name: 'あ'.repeat(n) })),
  fc.integer({ min: 2001, max: 50_000 }).map((n) => ({ name: 'チーム', description: 'x'.repeat(n) })),
  unknownKey(['name', 'description']).chain((k) => fc.jsonValue().map((v) => ({ name: 'チーム', [k]: v }))),
  fc.constant({ name: 'チーム', directorId: 'someone-else' }),
  fc.constant({ name: 'チーム', memberCount: 20 }),
  notAnObject,
);
const badInvitations = fc.oneof(
  fc.record({ email: notAString }),
  fc.constant({}),
  fc
    .string({ maxLength: 80 })
    .filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s))
    .map((email) => ({ email })),
  fc.integer({ min: 250, max: 5_000 }).map((n) => ({ email: `${'a'.repeat(n)}@example.com` })),
  unknownKey(['email']).chain((k) =>
    fc.jsonValue().map((v) => ({ email: 'someone@test.kakehashi.jp', [k]: v })),
  ),
  fc.constant({ email: ['a@test.kakehashi.jp', 'b@test.kakehashi.jp'] }),
  notAnObject,
);
const badIds = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..') // a dot segment is resolved by the URL, never sent
    .map(encodeURIComponent),
  fc.constant('..%2F..%2Fme'),
);

const badPages = fc.oneof(
  fc.record({ limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.constant('ten')) }),
  fc.record({ cursor: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ cursor: fc.constant('x'.repeat(2001)) }),
  // Well-formed cursors of another list, or of a position in no list of this caller's.
  fc
    .constantFrom(
      { PK: 'LIST#ALL', SK: 'x' },
      {
        in: 'memberships',
        cursor: Buffer.from(JSON.stringify({ GSI1PK: 'USER#x#TEAMS' })).toString('base64url'),
      },
      {
        in: 'invitations',
        cursor: Buffer.from(JSON.stringify({ GSI3PK: 'EMAIL#x@y.jp' })).toString('base64url'),
      },
      { in: 'elsewhere' },
    )
    .map((c) => ({ cursor: Buffer.from(JSON.stringify(c)).toString('base64url') })),
  unknownKey(['limit', 'cursor']).map((k) => ({ [k]: '1' })),
);
const qs = (q: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

describe('bad input on the teams routes', () => {
  let director: string;
  let directorId: string;
  let member: string;
  let teamId: string;
  const { doc, name } = table();
  const sub = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
  const query = async (input: { IndexName?: string; pk: string; key: string }) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: name,
          ...(input.IndexName ? { IndexName: input.IndexName } : {}),
          KeyConditionExpression: `${input.key} = :pk`,
          ExpressionAttributeValues: { ':pk': input.pk },
          ConsistentRead: !input.IndexName,
        }),
      )
    ).Items;
  const snapshot = async () => ({
    team: await query({ pk: `TEAM#${teamId}`, key: 'PK' }),
    teams: await query({ IndexName: 'GSI1', pk: `USER#${directorId}#TEAMS`, key: 'GSI1PK' }),
  });

  beforeAll(async () => {
    const d = await newUser('bad-team-d');
    director = d.token;
    directorId = sub(director);
    const m = await newUser('bad-team-m');
    member = m.token;
    for (const token of [director, member])
      await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'P' } });
    teamId = (await call('POST', '/v1/teams', { token: director, json: { name: '不正入力チーム' } })).body.id;
    await call('POST', `/v1/teams/${teamId}/invitations`, { token: director, json: { email: m.email } });
    await call('POST', `/v1/teams/${teamId}/join`, { token: member });
  }, 30_000);

  it('never answers 5xx and writes nothing, whatever the body, path or page query', async () => {
    const before = await snapshot();
    expect(before.team).toHaveLength(3); // the team, its director and its member
    const runs = { numRuns: 60 };
    await fc.assert(
      fc.asyncProperty(badTeams, async (body) =>
        expectRefused(await call('POST', '/v1/teams', { token: director, json: body }), body),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badInvitations, async (body) =>
        expectRefused(
          await call('POST', `/v1/teams/${teamId}/invitations`, { token: director, json: body }),
          body,
        ),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badIds, async (id) => {
        for (const [method, path, token, json] of [
          ['GET', `/v1/teams/${id}`, member, undefined],
          ['POST', `/v1/teams/${id}/invitations`, director, { email: 'valid@test.kakehashi.jp' }],
          ['POST', `/v1/teams/${id}/join`, member, undefined],
          ['POST', `/v1/teams/${id}/leave`, member, undefined],
        ] as const) {
          const answer = await call(method, path, { token, json });
          if (answer.status === 404 && answer.body?.message === 'Not Found') continue; // no route matched, as API Gateway answers
          expectRefused(answer, { method, path });
        }
      }),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(badPages, async (query) =>
        expectRefused(await call('GET', `/v1/me/teams?${qs(query)}`, { token: member }), query, 'query'),
      ),
      runs,
    );
    // Malformed JSON and a body that is not JSON.
    for (const path of ['/v1/teams', `/v1/teams/${teamId}/invitations`]) {
      expectRefused(
        await call('POST', path, { token: director, raw: '{"name":', contentType: 'application/json' }),
        path,
      );
      expectRefused(
        await call('POST', path, {
          token: director,
          raw: 'name=x',
          contentType: 'application/x-www-form-urlencoded',
        }),
        path,
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});
