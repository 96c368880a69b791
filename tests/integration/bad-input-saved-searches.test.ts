import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILTER_NAMES } from '#shared/searches/rules.ts';
import { call, newUser, table } from '../support/api.ts';
import { notAnObject, notAString, unknownKey } from '../support/bad-values.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every route of the saved searches: always a 4xx with the error shape and never a 5xx,
 * and nothing is written (the caller's partition, their searches and tally included, stays as it was). The
 * caller is a fresh account, so other test files running at once cannot disturb the check.
 */
const notAnInteger = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }),
  fc.array(fc.integer()),
);
const known = ['name', ...FILTER_NAMES] as string[];

const badSearches = fc.oneof(
  fc.record({ name: notAString }),
  fc.constant({ name: '   ' }),
  fc.integer({ min: 61, max: 5_000 }).map((n) => ({ name: 'あ'.repeat(n) })),
  fc.record({ q: notAString }),
  fc.integer({ min: 101, max: 5_000 }).map((n) => ({ q: 'x'.repeat(n) })),
  fc
    .string({ maxLength: 6 })
    .filter((s) => !/^\d{2}$/.test(s))
    .map((prefecture) => ({ prefecture })),
  fc
    .string({ maxLength: 8 })
    .filter((s) => !/^\d{5}$/.test(s))
    .map((municipality) => ({ municipality })),
  fc.record({ prefecture: notAString }),
  fc.constantFrom({ skill: '' }, { skill: '   ' }, { skill: 'x'.repeat(31) }, { skill: 3 }),
  fc.record({ minFee: notAnInteger }),
  fc.integer({ max: -1 }).map((minFee) => ({ minFee })),
  fc.integer({ min: 10_000_001 }).map((minFee) => ({ minFee })),
  fc.record({ maxHours: notAnInteger }),
  fc.constantFrom({ maxHours: 0 }, { maxHours: 1001 }),
  fc
    .string()
    .filter((s) => !['full', 'hybrid', 'onsite'].includes(s))
    .map((remote) => ({ remote })),
  fc.constantFrom({ shortTime: true }, { shortTime: 'yes' }, { teams: true }, { teams: 1 }),
  fc.constantFrom({ limit: 20 }, { cursor: 'abc' }, { userId: 'someone-else' }, { unsubscribeToken: 'x' }),
  unknownKey(known).chain((k) => fc.jsonValue().map((v) => ({ q: 'EC', [k]: v }))),
  notAnObject,
);
const badTokens = fc.oneof(
  fc.constant({}),
  fc.record({ token: notAString }),
  fc
    .string({ maxLength: 80 })
    .filter((s) => !/^[A-Za-z0-9_-]{43}$/.test(s))
    .map((token) => ({ token })),
  fc.constant({ token: 'A'.repeat(43), search: 'x' }),
  notAnObject,
);
const badIds = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..') // a dot segment is resolved by the URL, never sent
    .map(encodeURIComponent),
  fc.constant('..%2F..%2Fme'),
);

describe('bad input on the saved searches routes', () => {
  let token: string;
  let userId: string;
  let searchId: string;
  const { doc, name } = table();
  const snapshot = async () =>
    (
      await doc.send(
        new QueryCommand({
          TableName: name,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `USER#${userId}` },
          ConsistentRead: true,
        }),
      )
    ).Items;

  beforeAll(async () => {
    const me = await newUser('bad-search');
    token = me.token;
    userId = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'P' } });
    searchId = (await call('POST', '/v1/me/saved-searches', { token, json: { q: 'EC' } })).body.id;
  }, 30_000);

  it('never answers 5xx and writes nothing, whatever the body or path', async () => {
    const before = await snapshot();
    expect(before).toHaveLength(3); // the profile, the search and the tally
    await fc.assert(
      fc.asyncProperty(badSearches, async (body) =>
        expectRefused(await call('POST', '/v1/me/saved-searches', { token, json: body }), body),
      ),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(badTokens, async (body) =>
        expectRefused(
          await call('POST', `/v1/saved-searches/${searchId}/unsubscribe`, { json: body }),
          body,
          'body',
        ),
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(badIds, async (id) => {
        for (const [method, path, json, who] of [
          ['DELETE', `/v1/me/saved-searches/${id}`, undefined, token],
          ['POST', `/v1/saved-searches/${id}/unsubscribe`, { token: 'A'.repeat(43) }, undefined],
        ] as const) {
          const answer = await call(method, path, { token: who, json });
          if (answer.status === 404 && answer.body?.message === 'Not Found') continue; // no route matched, as API Gateway answers
          expectRefused(answer, { method, path });
        }
      }),
      { numRuns: 25 },
    );
    // A well-formed token that is not the search's, and an id nobody has: not found.
    const guess = await call('POST', `/v1/saved-searches/${searchId}/unsubscribe`, {
      json: { token: 'A'.repeat(43) },
    });
    expect(guess.status).toBe(404);
    expectRefused(guess, 'a guessed token');
    const nobody = await call('DELETE', `/v1/me/saved-searches/${crypto.randomUUID()}`, { token });
    expect(nobody.status).toBe(404);
    // Malformed JSON and a body that is not JSON.
    for (const [path, who] of [
      ['/v1/me/saved-searches', token],
      [`/v1/saved-searches/${searchId}/unsubscribe`, undefined],
    ] as const) {
      expectRefused(
        await call('POST', path, { token: who, raw: '{"q":', contentType: 'application/json' }),
        path,
      );
      expectRefused(
        await call('POST', path, {
          token: who,
          raw: 'q=x',
          contentType: 'application/x-www-form-urlencoded',
        }),
        path,
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});
