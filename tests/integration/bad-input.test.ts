import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, table } from '../support/api.ts';
import { notAString } from '../support/bad-values.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad bodies for PUT /v1/me: every answer is a 4xx with the error shape of BRIEF 3.2
 * (`{error:{code,message,fields?}}`), never a 5xx, and nothing is written.
 */
const validFirm = {
  role: 'firm',
  displayName: '鈴木',
  organizationName: '湯梨浜ぶどう園',
  municipalityCode: '31370',
};
const validPro = { role: 'professional', displayName: '田中' };

const badBodies = fc.oneof(
  // wrong types
  fc.record({ role: fc.constant('professional'), displayName: notAString }),
  fc.record({
    ...Object.fromEntries(Object.entries(validFirm).map(([k, v]) => [k, fc.constant(v)])),
    municipalityCode: notAString,
  }),
  fc.record({
    role: fc.constant('professional'),
    displayName: fc.constant('A'),
    hoursPerMonth: fc.oneof(
      fc.double({ min: 0.1, max: 0.9 }),
      fc.integer({ min: 161 }),
      fc.integer({ max: 0 }),
      fc.string(),
    ),
  }),
  fc.record({
    role: fc.constant('professional'),
    displayName: fc.constant('A'),
    skills: fc.oneof(fc.string(), fc.array(notAString, { minLength: 1 })),
  }),
  // a role that is not one
  fc.record({
    role: fc.string().filter((r) => !['professional', 'firm', 'region_staff', 'operator'].includes(r)),
    displayName: fc.string(),
  }),
  // missing required fields
  fc
    .subarray(Object.keys(validFirm), { minLength: 1 })
    .map((drop) => Object.fromEntries(Object.entries(validFirm).filter(([k]) => !drop.includes(k)))),
  // huge strings
  fc.integer({ min: 61, max: 200_000 }).map((n) => ({ ...validPro, displayName: 'あ'.repeat(n) })),
  fc.integer({ min: 101, max: 50_000 }).map((n) => ({ ...validFirm, organizationName: 'x'.repeat(n) })),
  // unknown fields
  fc
    .string({ minLength: 1 })
    .filter((k) => !['role', 'displayName', '__proto__'].includes(k) && !(k in Object.prototype))
    .chain((k) => fc.jsonValue().map((v) => ({ ...validPro, [k]: v }))),
  // invalid formats
  fc
    .string()
    .filter((s) => !/^T\d{13}$/.test(s))
    .map((t) => ({ ...validFirm, invoiceRegistrationNumber: t })),
  fc
    .stringMatching(/^\d{5}$/)
    .filter((c) => !['31370'].includes(c) && Number(c) > 47999)
    .map((c) => ({ ...validFirm, municipalityCode: c })),
  // not an object at all
  fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.jsonValue())),
);

describe('bad input on PUT /v1/me', () => {
  let newcomer: string;
  let newcomerId: string;
  let existing: string;
  let existingId: string;

  beforeAll(async () => {
    newcomer = (await newUser('bad-new')).token;
    newcomerId = JSON.parse(Buffer.from(newcomer.split('.')[1] as string, 'base64url').toString()).sub;
    existing = (await newUser('bad-old')).token;
    existingId = JSON.parse(Buffer.from(existing.split('.')[1] as string, 'base64url').toString()).sub;
    expect((await call('PUT', '/v1/me', { token: existing, json: validPro })).status).toBe(201);
  });

  async function stored(userId: string) {
    const { doc, name } = table();
    return (await doc.send(new GetCommand({ TableName: name, Key: { PK: `USER#${userId}`, SK: 'PROFILE' } })))
      .Item;
  }

  it('answers every generated bad body with a 4xx and the error shape, and writes nothing', async () => {
    const before = await stored(existingId);
    await fc.assert(
      fc.asyncProperty(badBodies, fc.boolean(), async (body, asNewcomer) => {
        const answer = await call('PUT', '/v1/me', { token: asNewcomer ? newcomer : existing, json: body });
        expectRefused(answer, body);
        if (answer.status === 400)
          expect(Array.isArray(answer.body.error.fields) || answer.body.error.code === 'malformed_json').toBe(
            true,
          );
      }),
      { numRuns: 150 },
    );
    expect(await stored(newcomerId)).toBeUndefined();
    expect(await stored(existingId)).toEqual(before);
  });

  it('names the field paths that are wrong', async () => {
    const answer = await call('PUT', '/v1/me', {
      token: newcomer,
      json: { role: 'firm', displayName: '', organizationName: 'X', municipalityCode: '99999' },
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.displayName', 'body.municipalityCode']));
  });

  it('refuses malformed JSON and a body that is not JSON, writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => {
          try {
            JSON.parse(s);
            return false;
          } catch {
            return true;
          }
        }),
        async (raw) => {
          const answer = await call('PUT', '/v1/me', {
            token: newcomer,
            raw,
            contentType: 'application/json',
          });
          expectRefused(answer, raw);
          expect(answer.status).toBe(400);
        },
      ),
      { numRuns: 50 },
    );
    const text = await call('PUT', '/v1/me', {
      token: newcomer,
      raw: JSON.stringify(validPro),
      contentType: 'text/plain',
    });
    expectRefused(text, 'text/plain');
    expect(text.status).toBe(415);
    const none = await call('PUT', '/v1/me', { token: newcomer });
    expectRefused(none, 'no body');
    expect(await stored(newcomerId)).toBeUndefined();
  });
});
