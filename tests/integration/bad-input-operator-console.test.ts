import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, signIn, table } from '../support/api.ts';
import { notAnObject, notAString, unknownKey } from '../support/bad-values.ts';
import { freshParties } from '../support/payments.ts';
import { openProject } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every route of the operators' console: always a 4xx with the error shape and field
 * paths, never a 5xx, and nothing is written (the project, the account and the invitation stay as they were,
 * and the trail has no entry about them). The targets are fresh, so other test files cannot disturb the check.
 */

const badReasons = fc.oneof(
  fc.record({ reason: notAString }),
  fc.constant({}),
  fc.constant({ reason: '' }),
  fc.constant({ reason: '   \n ' }),
  fc.integer({ min: 501, max: 20_000 }).map((n) => ({ reason: 'あ'.repeat(n) })),
  unknownKey(['reason']).chain((k) => fc.jsonValue().map((v) => ({ reason: '理由', [k]: v }))),
  fc.constant({ reason: '理由', hiddenBy: 'someone-else' }),
  notAnObject,
);
const badIds = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..')
    .map(encodeURIComponent),
  fc.constant('..%2F..%2Fme'),
);
const badPages = fc.oneof(
  fc.record({ limit: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.constant('ten')) }),
  fc.record({ cursor: fc.string({ minLength: 1, maxLength: 40 }) }),
  fc.record({ cursor: fc.constant('x'.repeat(1001)) }),
  // A cursor of another list, well-formed.
  fc.constant({ cursor: Buffer.from(JSON.stringify({ PK: 'LIST#ALL', SK: 'x' })).toString('base64url') }),
  unknownKey(['limit', 'cursor']).map((k) => ({ [k]: '1' })),
);
const badYears = fc.oneof(
  fc.constant({}),
  fc.record({ year: fc.oneof(fc.integer({ max: 2023 }), fc.integer({ min: 2101 })) }),
  fc.record({ year: fc.constantFrom('2026.5', 'next', '', '2026-01') }),
  unknownKey(['year']).map((k) => ({ year: '2026', [k]: '1' })),
);
const badLookups = fc.oneof(
  fc.constant({}),
  fc.record({ email: fc.string({ maxLength: 40 }).filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)) }),
  fc.record({ id: fc.string({ maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)) }),
  fc.constant({ email: 'pro@demo.kakehashi.jp', id: '7b0e1c2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b' }),
  unknownKey(['email', 'id']).map((k) => ({ email: 'pro@demo.kakehashi.jp', [k]: '1' })),
);
const badEmails = fc
  .string({ minLength: 1, maxLength: 60 })
  .filter((s) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) && s !== '.' && s !== '..')
  .map(encodeURIComponent);

const qs = (q: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();

describe('bad input on the operators’ console', () => {
  let operator: string;
  let projectId: string;
  let userId: string;
  const invitation = `bad-input-${Math.random().toString(36).slice(2, 8)}@test.kakehashi.jp`;
  const { doc, name } = table();
  const item = async (PK: string, SK: string) =>
    (await doc.send(new GetCommand({ TableName: name, Key: { PK, SK }, ConsistentRead: true }))).Item;
  const trailAbout = async () => {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDIT' },
        ConsistentRead: true,
      }),
    );
    return Items.filter((e) => [projectId, userId, invitation].includes(e.target?.id)).map((e) => e.SK);
  };
  const snapshot = async () => ({
    project: await item(`PROJECT#${projectId}`, 'PROJECT'),
    user: await item(`USER#${userId}`, 'PROFILE'),
    invitation: await item(`INVITE#${invitation}`, 'INVITATION'),
    trail: await trailAbout(),
  });

  beforeAll(async () => {
    operator = await signIn('operator@demo.kakehashi.jp');
    const { firm } = await freshParties('bad-admin');
    projectId = (await openProject(firm.token)).id;
    const pro = await newUser('bad-admin-pro');
    await call('PUT', '/v1/me', { token: pro.token, json: { role: 'professional', displayName: 'P' } });
    userId = JSON.parse(Buffer.from(pro.token.split('.')[1] as string, 'base64url').toString()).sub;
    await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email: invitation, regionCode: '31' },
    });
  }, 30_000);

  it('never answers 5xx and writes nothing, whatever the body, path or query', async () => {
    const before = await snapshot();
    expect(before.invitation).toBeDefined();
    expect(before.trail).toHaveLength(1); // the invitation's
    const runs = { numRuns: 40 };
    await fc.assert(
      fc.asyncProperty(badReasons, async (body) => {
        for (const path of [
          `/v1/admin/projects/${projectId}/hide`,
          `/v1/admin/projects/${projectId}/unhide`,
          `/v1/admin/users/${userId}/suspend`,
          `/v1/admin/users/${userId}/restore`,
        ])
          expectRefused(await call('POST', path, { token: operator, json: body }), { path, body });
      }),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badIds, async (id) => {
        for (const path of [
          `/v1/admin/projects/${id}/hide`,
          `/v1/admin/projects/${id}/unhide`,
          `/v1/admin/users/${id}/suspend`,
          `/v1/admin/users/${id}/restore`,
        ]) {
          const answer = await call('POST', path, { token: operator, json: { reason: '理由' } });
          if (answer.status === 404 && answer.body?.message === 'Not Found') continue; // no route matched
          expectRefused(answer, path, 'path.id');
        }
      }),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(badPages, async (query) => {
        for (const path of ['/v1/admin/audit', '/v1/admin/projects/hidden', '/v1/admin/region-staff'])
          expectRefused(
            await call('GET', `${path}?${qs(query)}`, { token: operator }),
            { path, query },
            'query',
          );
      }),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badYears, async (query) =>
        expectRefused(await call('GET', `/v1/admin/fees?${qs(query)}`, { token: operator }), query, 'query'),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badLookups, async (query) =>
        expectRefused(await call('GET', `/v1/admin/users?${qs(query)}`, { token: operator }), query, 'query'),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badEmails, async (email) => {
        const answer = await call('DELETE', `/v1/admin/region-staff/invitations/${email}`, {
          token: operator,
        });
        if (answer.status === 404 && answer.body?.message === 'Not Found') return;
        expectRefused(answer, email, 'path.email');
      }),
      runs,
    );
    // Malformed JSON and a body that is not JSON.
    for (const path of [`/v1/admin/projects/${projectId}/hide`, `/v1/admin/users/${userId}/suspend`]) {
      expectRefused(
        await call('POST', path, { token: operator, raw: '{"reason":', contentType: 'application/json' }),
        path,
      );
      expectRefused(
        await call('POST', path, {
          token: operator,
          raw: 'reason=x',
          contentType: 'application/x-www-form-urlencoded',
        }),
        path,
      );
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
