import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, table } from '../support/api.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad query strings on `GET /v1/me/recommendations`: always a 4xx naming the field, never a 5xx, and
 * the caller's own items stay as they were. The caller is a fresh professional, so other files cannot disturb it.
 */
/** What the query refuses: anything that does not read as a whole number from 1 to 50. */
const acceptable = (s: string) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 50;
};
const badLimits = fc
  .oneof(
    fc.integer({ min: -1_000_000, max: 0 }).map(String),
    fc.integer({ min: 51, max: 1_000_000_000 }).map(String),
    fc.double({ min: 1.01, max: 49.99, noInteger: true, noNaN: true }).map(String),
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e3', 'twenty', '２０', '5,6'),
  )
  .filter((s) => !acceptable(s));
const unknownParams = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((k) => k !== 'limit' && k.trim() !== '' && !(k in Object.prototype));

describe('bad input on the recommendations route', () => {
  let token: string;
  let userId: string;
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
    token = (await newUser('bad-reco')).token;
    userId = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
    await call('PUT', '/v1/me', {
      token,
      json: {
        role: 'professional',
        displayName: 'P',
        skills: ['ec'],
        regionsOfInterest: [{ regionCode: '31', ties: ['interest'] }],
      },
    });
  }, 30_000);

  it('refuses a limit outside 1–50 or not a whole number with a 400 naming `query.limit`, and writes nothing', async () => {
    const before = await snapshot();
    expect(before).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(badLimits, async (limit) => {
        const answer = await call('GET', `/v1/me/recommendations?limit=${encodeURIComponent(limit)}`, {
          token,
        });
        expectRefused(answer, limit, 'query.limit');
        expect(answer.status, limit).toBe(400);
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(unknownParams, fc.string({ maxLength: 20 }), async (key, value) => {
        const qs = new URLSearchParams({ [key]: value });
        expectRefused(await call('GET', `/v1/me/recommendations?${qs}`, { token }), qs.toString());
      }),
      { numRuns: 30 },
    );
    // Twice the same parameter is no number either.
    expectRefused(
      await call('GET', '/v1/me/recommendations?limit=5&limit=6', { token }),
      'limit twice',
      'query.limit',
    );
    // The bounds themselves are fine.
    for (const limit of ['1', '50'])
      expect((await call('GET', `/v1/me/recommendations?limit=${limit}`, { token })).status, limit).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});
