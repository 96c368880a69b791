import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, table } from '../support/api.ts';
import { notAnObject, notAString } from '../support/bad-values.ts';
import { openProject, projectBody } from '../support/projects.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every route of the marketplace: always a 4xx with the error shape and never a 5xx,
 * and nothing is written (the caller's projects and applications, the project and the application stay as
 * they were). The callers are fresh accounts, so other test files running at once cannot disturb the check.
 */
const notAnInt = fc.oneof(
  fc.double({ min: 0.1, max: 0.9 }),
  fc.string(),
  fc.constant(null),
  fc.integer({ max: -1 }),
);
const valid = projectBody();
const FIELDS = Object.keys(valid);

const NUMERIC = ['monthlyFeeJpy', 'hoursPerMonth', 'durationMonths'];
/** A value that is wrong for the field whatever it draws. */
const badValue = (k: string) =>
  NUMERIC.includes(k)
    ? notAnInt
    : k === 'skills'
      ? fc.oneof(fc.string(), fc.array(notAString, { minLength: 1 }), fc.constant([]))
      : notAString;
const badField = fc.constantFrom(...FIELDS).chain((k) => badValue(k).map((v) => [k, v] as const));
const unknownField = fc
  .string({ minLength: 1 })
  .filter(
    (k) =>
      !FIELDS.includes(k) &&
      !['challenge', 'deliverables', 'startMonth', 'shortTime', '__proto__'].includes(k) &&
      !(k in Object.prototype),
  )
  .chain((k) => fc.jsonValue().map((v) => [k, v] as const));

const badProjectBodies = fc.oneof(
  badField.map(([k, v]) => ({ ...valid, [k]: v })),
  fc
    .oneof(fc.integer({ max: 4_999 }), fc.integer({ min: 1_000_001 }))
    .map((fee) => ({ ...valid, monthlyFeeJpy: fee })),
  fc.integer({ min: 44, max: 160 }).map((h) => ({ ...valid, shortTime: true, hoursPerMonth: h })),
  fc
    .subarray(FIELDS, { minLength: 1 })
    .map((drop) => Object.fromEntries(Object.entries(valid).filter(([k]) => !drop.includes(k)))),
  fc.integer({ min: 101, max: 100_000 }).map((n) => ({ ...valid, title: '梨'.repeat(n) })),
  unknownField.map(([k, v]) => ({ ...valid, [k]: v })),
  fc.constant({ ...valid, firmId: 'someone-else' }),
  fc
    .string()
    .filter((s) => !/^20\d\d-(0[1-9]|1[0-2])$/.test(s))
    .map((m) => ({ ...valid, startMonth: m })),
  notAnObject,
);
const badPatches = fc.oneof(
  badField.map(([k, v]) => ({ [k]: v })),
  unknownField.map(([k, v]) => ({ title: 'ok', [k]: v })),
  fc.constant({}),
  fc.constant({ status: 'open' }),
  fc.oneof(fc.integer({ max: 4_999 }), fc.integer({ min: 1_000_001 })).map((fee) => ({ monthlyFeeJpy: fee })),
  notAnObject,
);
const badProposals = fc.oneof(
  fc.record({ proposal: notAString }),
  fc.constant({}),
  fc.constant({ proposal: '   ' }),
  fc.integer({ min: 4001, max: 50_000 }).map((n) => ({ proposal: 'あ'.repeat(n) })),
  fc.jsonValue().map((v) => ({ proposal: 'ok', extra: v })),
);
const badDecisions = fc.oneof(
  fc.record({ decision: fc.string().filter((d) => !['shortlist', 'decline', 'accept'].includes(d)) }),
  fc.record({ decision: notAString }),
  fc.constant({}),
  fc.constant({ decision: 'accept', engagementId: 'mine' }),
);
const badIds = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..') // a dot segment is resolved by the URL, never sent
    .map(encodeURIComponent),
  fc.constant('..%2F..%2Fme'),
);
const badQueries = fc.oneof(
  fc.record({
    minFee: fc
      .string({ minLength: 1 })
      .filter((s) => Number.isNaN(Number(s)) || !Number.isInteger(Number(s))),
  }),
  fc.record({
    maxHours: fc.oneof(fc.constant('0'), fc.constant('-3'), fc.constant('1.5'), fc.constant('x')),
  }),
  fc.record({
    limit: fc.oneof(fc.constant('0'), fc.constant('51'), fc.constant('1000'), fc.constant('ten')),
  }),
  fc.record({ remote: fc.string().filter((r) => !['full', 'hybrid', 'onsite'].includes(r)) }),
  fc.record({ shortTime: fc.string().filter((r) => !['true', 'false'].includes(r)) }),
  fc.record({ prefecture: fc.string().filter((p) => !/^\d{2}$/.test(p)) }),
  fc.record({ municipality: fc.string().filter((m) => !/^\d{5}$/.test(m)) }),
  fc.record({ cursor: fc.string({ minLength: 1, maxLength: 200 }) }),
  fc.record({ q: fc.string({ minLength: 101, maxLength: 300 }).filter((q) => q.trim().length > 100) }),
  fc.record({ [fc.sample(fc.constantFrom('sort', 'owner', 'status'), 1)[0] as string]: fc.string() }),
);

describe('bad input on the marketplace routes', () => {
  let firm: string;
  let firmId: string;
  let pro: string;
  let proId: string;
  let project: { id: string };
  let applicationId: string;
  const { doc, name } = table();
  const sub = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;
  const snapshot = async () => {
    const q = async (index: string, pk: string) =>
      (
        await doc.send(
          new QueryCommand({
            TableName: name,
            IndexName: index,
            KeyConditionExpression: `${index}PK = :pk`,
            ExpressionAttributeValues: { ':pk': pk },
          }),
        )
      ).Items;
    const get = async (PK: string, SK: string) =>
      (await doc.send(new GetCommand({ TableName: name, Key: { PK, SK } }))).Item;
    return {
      projects: await q('GSI1', `FIRM#${firmId}#PROJECTS`),
      applications: await q('GSI2', `PRO#${proId}#APPLICATIONS`),
      project: await get(`PROJECT#${project.id}`, 'PROJECT'),
      application: await get(`APPLICATION#${applicationId}`, 'APPLICATION'),
    };
  };

  beforeAll(async () => {
    const f = await newUser('bad-firm');
    firm = f.token;
    firmId = sub(firm);
    await call('PUT', '/v1/me', {
      token: firm,
      json: {
        role: 'firm',
        displayName: 'F',
        organizationName: 'Bad Input 株式会社',
        municipalityCode: '05346',
      },
    });
    const p = await newUser('bad-pro');
    pro = p.token;
    proId = sub(pro);
    await call('PUT', '/v1/me', { token: pro, json: { role: 'professional', displayName: 'P' } });
    project = await openProject(firm, { municipalityCode: '05346' });
    applicationId = (
      await call('POST', `/v1/projects/${project.id}/applications`, {
        token: pro,
        json: { proposal: 'valid' },
      })
    ).body.id;
  }, 30_000);

  it('never answers 5xx and writes nothing, whatever the body, path or query', async () => {
    const before = await snapshot();
    const runs = { numRuns: 60 };
    await fc.assert(
      fc.asyncProperty(badProjectBodies, async (body) =>
        expectRefused(await call('POST', '/v1/projects', { token: firm, json: body }), body),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badPatches, async (body) =>
        expectRefused(await call('PATCH', `/v1/projects/${project.id}`, { token: firm, json: body }), body),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badProposals, async (body) =>
        expectRefused(
          await call('POST', `/v1/projects/${project.id}/applications`, { token: pro, json: body }),
          body,
        ),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badDecisions, async (body) =>
        expectRefused(
          await call('POST', `/v1/applications/${applicationId}/decision`, { token: firm, json: body }),
          body,
        ),
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badQueries, async (query) => {
        const qs = new URLSearchParams(query as Record<string, string>).toString();
        expectRefused(await call('GET', `/v1/projects?${qs}`), query);
      }),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(badIds, async (id) => {
        for (const [method, path, token, json] of [
          ['GET', `/v1/projects/${id}`, undefined, undefined],
          ['PATCH', `/v1/projects/${id}`, firm, { title: 'x' }],
          ['POST', `/v1/projects/${id}/publish`, firm, undefined],
          ['POST', `/v1/projects/${id}/close`, firm, undefined],
          ['POST', `/v1/projects/${id}/applications`, pro, { proposal: 'x' }],
          ['GET', `/v1/projects/${id}/applications`, firm, undefined],
          ['POST', `/v1/applications/${id}/decision`, firm, { decision: 'accept' }],
          ['POST', `/v1/applications/${id}/withdraw`, pro, undefined],
        ] as const) {
          const answer = await call(method, path, { token, json });
          if (answer.status === 404 && answer.body?.message === 'Not Found') continue; // no route matched, as API Gateway answers
          expectRefused(answer, { method, path });
        }
      }),
      { numRuns: 25 },
    );
    // Malformed JSON and a body that is not JSON.
    for (const [path, token] of [
      ['/v1/projects', firm],
      [`/v1/projects/${project.id}/applications`, pro],
      [`/v1/applications/${applicationId}/decision`, firm],
    ] as const) {
      expectRefused(
        await call('POST', path, { token, raw: '{"title":', contentType: 'application/json' }),
        path,
      );
      expectRefused(
        await call('POST', path, {
          token,
          raw: 'proposal=x',
          contentType: 'application/x-www-form-urlencoded',
        }),
        path,
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});
