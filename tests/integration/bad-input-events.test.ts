import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_ALPHABET } from '#shared/events/rules.ts';
import { type Answer, call, newUser, signIn, table } from '../support/api.ts';
import { notAnObject, notAString } from '../support/bad-values.ts';
import { advanceEvents, days, hours, publishedEvent, signUp } from '../support/events.ts';
import { expectRefused } from '../support/refused.ts';

/**
 * Generated bad input on every events route that reads one (bodies, path ids, queries): always a 4xx with the
 * error shape and never a 5xx, and nothing is written — the events of the staff's municipality, each fixture
 * event with its counters, registrations and codes, and the attendee's registrations stay as they were. The
 * staff member runs a municipality no other test uses (江府町) and the attendee is a fresh account, so other
 * test files running at once cannot disturb the check.
 */
const MUNICIPALITY = '31403';
const HOUR = hours(1);
/** An instant as people in Japan write it (ISO 8601, +09:00, whole seconds). */
const tokyo = (t: number) => `${new Date(t + 9 * HOUR).toISOString().slice(0, 19)}+09:00`;
const START = Date.now() + days(10);

const valid = {
  kind: 'seminar',
  title: '江府町 関係人口セミナー',
  description: '江府町で副業人材と地域企業が出会うハイブリッドセミナーです。',
  municipalityCode: MUNICIPALITY,
  venueName: '江府町防災・情報センター',
  startsAt: tokyo(START),
  endsAt: tokyo(START + 3 * HOUR),
  signupDeadline: tokyo(START - days(1)),
  venueCapacity: 5,
  onlineCapacity: 5,
  feeJpy: 0,
  selection: 'first_come',
  childcare: false,
  claimWindowHours: 48,
  refundDaysBefore: 3,
};
const FIELDS = Object.keys(valid);
const OPTIONAL = ['venueName', 'claimWindowHours', 'refundDaysBefore'];
const REQUIRED = FIELDS.filter((k) => !OPTIONAL.includes(k));

const notAnInt = fc.oneof(
  fc.double({ min: 0.1, max: 0.9 }),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ max: -1 }),
);
const blank = fc.constantFrom('', ' ', '   ', '\n\t', '\u3000');
const longerThan = (max: number) => fc.integer({ min: max + 1, max: max + 300 }).map((n) => 'あ'.repeat(n));
const TEXT_MAX: Record<string, number> = { title: 100, description: 4000, venueName: 200 };
/** Not an ISO 8601 time with an offset: no offset, a date only, a number, words, an impossible hour. */
const notAnInstant = fc.oneof(
  notAString,
  fc.string().filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s)),
  fc.constantFrom(
    '2027-02-10T13:00:00',
    '2027-02-10',
    '2027-02-10 13:00:00+09:00',
    '2027-02-10T13:00+09:00',
    '2027-02-10T25:00:00+09:00',
    '2027-13-10T13:00:00+09:00',
    '2027-02-10T13:00:00+0900',
    '1802232000000',
    'next Tuesday',
  ),
);
const notInEnum = (allowed: string[]) =>
  fc.oneof(
    notAString,
    fc.string().filter((s) => !allowed.includes(s)),
  );

/** A value that is wrong for the field whatever it draws. */
function badValue(k: string): fc.Arbitrary<unknown> {
  if (k in TEXT_MAX) return fc.oneof(notAString, blank, longerThan(TEXT_MAX[k] as number));
  if (['startsAt', 'endsAt', 'signupDeadline'].includes(k)) return notAnInstant;
  if (k === 'venueCapacity' || k === 'onlineCapacity') return fc.oneof(notAnInt, fc.integer({ min: 10_001 }));
  if (k === 'feeJpy')
    return fc.oneof(notAnInt, fc.integer({ min: 1_000_001 }), fc.integer({ min: 1, max: 49 }));
  if (k === 'kind') return notInEnum(['tour', 'seminar']);
  if (k === 'selection') return notInEnum(['first_come', 'lottery']);
  if (k === 'childcare')
    return fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.boolean()), fc.object());
  if (k === 'municipalityCode')
    return fc.oneof(
      notAString,
      fc.string().filter((s) => !/^\d{5}$/.test(s)),
      // No such municipality; or a real one outside the staff member's region (403).
      fc.constantFrom('00000', '99999', '31999', '31370', '46222', '13101'),
    );
  if (k === 'claimWindowHours')
    return fc.oneof(notAnInt, fc.constant(0), fc.integer({ min: 169, max: 100_000 }));
  if (k === 'refundDaysBefore') return fc.oneof(notAnInt, fc.integer({ min: 61, max: 100_000 }));
  throw new Error(`no bad value for ${k}`);
}
const badField = fc.constantFrom(...FIELDS).chain((k) => badValue(k).map((v) => [k, v] as const));
const SERVER_FIELDS = [
  'id',
  'status',
  'regionCode',
  'prefectureCode',
  'createdBy',
  'createdAt',
  'publishedAt',
  'drawnAt',
  'seatsLeft',
  'venueTaken',
  'venueWaiting',
];
const unknownField = fc
  .string({ minLength: 1 })
  .filter((k) => !FIELDS.includes(k) && k !== '__proto__' && !(k in Object.prototype))
  .chain((k) => fc.jsonValue().map((v) => [k, v] as const));
const serverField = fc
  .constantFrom(...SERVER_FIELDS)
  .chain((k) => fc.jsonValue().map((v) => [k, v] as const));

/**
 * The rules between fields (rules.ts eventIssues), each as a change to a valid event and the field it names.
 * The same changes are bad in a new event's body and in a patch of a draft that holds `valid`.
 */
const crossField = fc.oneof(
  fc
    .integer({ min: 0, max: days(30) })
    .map((before) => [{ endsAt: tokyo(START - before) }, 'body.endsAt'] as const),
  fc
    .integer({ min: 3 * HOUR, max: days(5) })
    .map((after) => [{ startsAt: tokyo(START + after) }, 'body.endsAt'] as const),
  fc
    .integer({ min: 1_000, max: days(30) })
    .map((over) => [{ endsAt: tokyo(START + days(7) + over) }, 'body.endsAt'] as const),
  fc
    .integer({ min: 1_000, max: days(1) })
    .map((after) => [{ signupDeadline: tokyo(START + after) }, 'body.signupDeadline'] as const),
  fc
    .integer({ min: 1, max: 10_000 })
    .map((online) => [{ kind: 'tour', onlineCapacity: online }, 'body.onlineCapacity'] as const),
  fc.constant([{ venueCapacity: 0, onlineCapacity: 0 }, 'body.venueCapacity'] as const),
  fc.integer({ min: 1, max: 49 }).map((fee) => [{ feeJpy: fee }, 'body.feeJpy'] as const),
);

const badEventBodies = fc.oneof(
  badField.map(([k, v]) => ({ ...valid, [k]: v })),
  fc
    .subarray(REQUIRED, { minLength: 1 })
    .map((drop) => Object.fromEntries(Object.entries(valid).filter(([k]) => !drop.includes(k)))),
  unknownField.map(([k, v]) => ({ ...valid, [k]: v })),
  serverField.map(([k, v]) => ({ ...valid, [k]: v })),
  crossField.map(([change]) => ({ ...valid, ...change })),
  notAnObject,
);
const badPatches = fc.oneof(
  badField.map(([k, v]) => ({ [k]: v })),
  unknownField.map(([k, v]) => ({ title: 'ok', [k]: v })),
  serverField.map(([k, v]) => ({ [k]: v })),
  fc.constant({}),
  crossField.map(([change]) => change),
  notAnObject,
);

const badChildren = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 11 }),
  fc.double({ min: 1.1, max: 1.9 }),
  fc.string(),
  fc.constant(null),
);
const badChildcare = fc.oneof(
  notAnObject,
  fc.boolean(),
  fc.record({ children: badChildren, ages: fc.constant('3歳') }),
  fc.record({ children: fc.constant(1), ages: fc.oneof(notAString, blank, longerThan(200)) }),
  fc.constant({ children: 1 }),
  fc.constant({ ages: '3歳' }),
  unknownField
    .filter(([k]) => k !== 'children' && k !== 'ages')
    .map(([k, v]) => ({ children: 1, ages: '3歳', [k]: v })),
);
/** Bad on an event with childcare, venue seats and no online seats. */
const badRegistrations = fc.oneof(
  fc.record({ attendance: notInEnum(['venue', 'online']) }),
  fc.constant({}),
  fc.constant({ childcare: { children: 1, ages: '3歳' } }),
  badChildcare.map((childcare) => ({ attendance: 'venue', childcare })),
  unknownField
    .filter(([k]) => k !== 'attendance' && k !== 'childcare')
    .map(([k, v]) => ({ attendance: 'venue', [k]: v })),
  fc
    .constantFrom('status', 'code', 'userId', 'waitlistPosition', 'eventId')
    .chain((k) => fc.jsonValue().map((v) => ({ attendance: 'venue', [k]: v }))),
  // No online seats at this event.
  fc.constant({ attendance: 'online' }),
  notAnObject,
);
const goodChildcare = fc.record({
  children: fc.integer({ min: 1, max: 10 }),
  ages: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim().length > 0),
});

const codeOf = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), minLength: 8, maxLength: 8 });
const badCheckins = fc.oneof(
  fc.record({ code: notAString }),
  fc.constant({}),
  fc.record({ code: fc.string().filter((s) => !new RegExp(`^[${CODE_ALPHABET}]{8}$`, 'i').test(s.trim())) }),
  // Letters a person could misread (0/O, 1/I/L) are never in a code.
  fc.record({ code: codeOf('0O1IL') }),
  fc.record({
    code: fc.oneof(
      codeOf(CODE_ALPHABET).map((c) => c.slice(0, 7)),
      codeOf(CODE_ALPHABET).map((c) => `${c}A`),
    ),
  }),
  unknownField.filter(([k]) => k !== 'code').map(([k, v]) => ({ code: 'ABCDEFGH', [k]: v })),
  notAnObject,
);

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
/** Cursors that decode, name the right listing, and are still no key of it: a key attribute missing or extra. */
const craftedCursor = (index: 'GSI1' | 'GSI3', pk: string) =>
  fc.oneof(
    fc
      .record({ PK: fc.string(), SK: fc.string(), [`${index}SK`]: fc.string() }, { requiredKeys: [] })
      .filter((k) => Object.keys(k).length < 3)
      .map((k) => encodeCursor({ ...k, [`${index}PK`]: pk })),
    fc.string({ minLength: 1, maxLength: 20 }).map((extra) =>
      encodeCursor({
        PK: 'EVENT#x',
        SK: 'EVENT',
        [`${index}PK`]: pk,
        [`${index}SK`]: '2099',
        [`x${extra}`]: 'y',
      }),
    ),
  );
const garbageCursor = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0);
const badEventQueries = fc.oneof(
  fc.record({ prefecture: fc.string().filter((p) => !/^\d{2}$/.test(p)) }),
  fc.record({ municipality: fc.string().filter((m) => !/^\d{5}$/.test(m)) }),
  fc.record({ kind: fc.string().filter((k) => !['tour', 'seminar'].includes(k)) }),
  fc.record({ from: notAnInstant.filter((v) => typeof v === 'string') }),
  fc.record({
    limit: fc.oneof(
      fc.constantFrom('0', '51', '-1', '1.5', 'ten', '1e3', ''),
      fc.integer({ min: 51 }).map(String),
    ),
  }),
  fc.record({ cursor: garbageCursor }),
  fc
    .constantFrom('sort', 'status', 'regionCode', 'order', 'q')
    .chain((k) => fc.string().map((v) => ({ [k]: v }))),
);
/** Cursors made up to look like ours: of the right listing, or of another one. */
const craftedCursors = fc.oneof(
  fc.record({ cursor: craftedCursor('GSI3', 'EVENTS#PUBLISHED') }),
  fc.record({ prefecture: fc.constant('31'), cursor: craftedCursor('GSI1', 'EVENTS#PREF#31') }),
  fc.record({ municipality: fc.constant(MUNICIPALITY), cursor: craftedCursor('GSI1', 'EVENTS#PREF#31') }),
);
const badRegistrationQueries = fc.oneof(
  fc.record({ format: fc.string().filter((f) => !['json', 'csv'].includes(f)) }),
  fc.record({ limit: fc.constantFrom('0', '101', '-1', '2.5', 'all', '') }),
  fc.record({ cursor: garbageCursor }),
  fc.record({ cursor: fc.record({ PK: fc.string(), SK: fc.string() }).map(encodeCursor) }),
  fc.constantFrom('status', 'attendance').chain((k) => fc.string().map((v) => ({ [k]: v }))),
);
const badMyRegistrationQueries = fc.oneof(
  fc.record({ limit: fc.constantFrom('0', '101', '-1', '2.5', 'all', '') }),
  fc.record({ cursor: garbageCursor }),
  fc.record({ cursor: fc.record({ PK: fc.string(), SK: fc.string() }).map(encodeCursor) }),
  fc.constantFrom('status', 'eventId').chain((k) => fc.string().map((v) => ({ [k]: v }))),
);
const badIds = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && s !== '.' && s !== '..') // a dot segment is resolved by the URL, never sent
    .map(encodeURIComponent),
  fc.constant('..%2F..%2Fme'),
  fc.constant('00000000-0000-0000-0000-00000000000g'),
);

const pathsOf = (answer: Answer) => (answer.body?.error?.fields ?? []).map((f: { path: string }) => f.path);
const qs = (query: unknown) => new URLSearchParams(query as Record<string, string>).toString();
const RUNS = { numRuns: 60 };

describe('bad input on the events routes', () => {
  let staff: string;
  let pro: string;
  let proId: string;
  /** A draft holding `valid`. */
  let draft: string;
  /** Published: childcare offered, seats at the venue only. */
  let withChildcare: string;
  /** Published: no childcare, venue and online seats. */
  let noChildcare: string;
  /** Published, starting within the hour (check-in open), with one confirmed registration. */
  let soon: string;
  let soonCode: string;
  const { doc, name } = table();
  const sub = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;
  const query = async (pk: string, index?: string) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: name,
          ...(index ? { IndexName: index } : { ConsistentRead: true }),
          KeyConditionExpression: `${index ?? ''}PK = :pk`,
          ExpressionAttributeValues: { ':pk': pk },
        }),
      )
    ).Items;
  /** The events of the municipality; each fixture event's item, registrations, codes; the attendee's list. */
  const snapshot = async () => ({
    municipality: await query(`EVENTS#MUNI#${MUNICIPALITY}`, 'GSI2'),
    events: await Promise.all([draft, withChildcare, noChildcare, soon].map((id) => query(`EVENT#${id}`))),
    attendee: await query(`USER#${proId}#REGISTRATIONS`, 'GSI1'),
  });
  /** Runs the generated calls, then checks that the table is as it was. */
  const writesNothing = async (run: () => Promise<void>) => {
    const before = await snapshot();
    await run();
    expect(await snapshot()).toEqual(before);
  };

  beforeAll(async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const s = await newUser('bad-events-staff');
    const invited = await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email: s.email, regionCode: MUNICIPALITY },
    });
    if (invited.status !== 201) throw new Error(`invite: ${invited.status}`);
    const me = await call('GET', '/v1/me', { token: s.token });
    if (me.body.regionCode !== MUNICIPALITY) throw new Error(`staff: ${JSON.stringify(me.body)}`);
    staff = s.token;
    const p = await newUser('bad-events-pro');
    pro = p.token;
    proId = sub(pro);
    await call('PUT', '/v1/me', { token: pro, json: { role: 'professional', displayName: 'P' } });
    const seated = await newUser('bad-events-seated');
    await call('PUT', '/v1/me', { token: seated.token, json: { role: 'professional', displayName: 'S' } });

    const created = await call('POST', '/v1/events', { token: staff, json: valid });
    if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
    draft = created.body.id;
    const ours = { municipalityCode: MUNICIPALITY, venueName: valid.venueName };
    withChildcare = (
      await publishedEvent(staff, { ...ours, childcare: true, venueCapacity: 5, onlineCapacity: 0 })
    ).id;
    noChildcare = (
      await publishedEvent(staff, { ...ours, childcare: false, venueCapacity: 5, onlineCapacity: 5 })
    ).id;
    soon = (
      await publishedEvent(staff, {
        ...ours,
        startsAt: tokyo(Date.now() + HOUR),
        endsAt: tokyo(Date.now() + HOUR + days(3)),
        signupDeadline: tokyo(Date.now() + HOUR / 2),
      })
    ).id;
    const r = await signUp(seated.token, soon);
    if (r.status !== 201) throw new Error(`seat: ${r.status}`);
    soonCode = r.body.code;
    // Its reminder (due two days before the start) is already due: let the job send it now, so that another
    // test moving the job's clock does not write it during a check below.
    await advanceEvents(new Date());
    if (!(await query(`EVENT#${soon}`))?.some((item) => item.remindedAt))
      throw new Error('reminder not sent');
  }, 60_000);

  it('POST /v1/events: refuses every bad body, creating no event', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(badEventBodies, async (body) =>
          expectRefused(await call('POST', '/v1/events', { token: staff, json: body }), body),
        ),
        RUNS,
      );
    });
  });

  it('POST /v1/events: the rules between fields are 400s naming the field to change', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(crossField, async ([change, path]) => {
          const answer = await call('POST', '/v1/events', { token: staff, json: { ...valid, ...change } });
          expectRefused(answer, change);
          expect(answer.status, JSON.stringify(change)).toBe(400);
          expect(pathsOf(answer), JSON.stringify(change)).toContain(path);
        }),
        { numRuns: 30 },
      );
    });
  });

  it('PATCH /v1/events/{id}: refuses every bad patch of a draft, changing nothing', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(badPatches, async (body) =>
          expectRefused(await call('PATCH', `/v1/events/${draft}`, { token: staff, json: body }), body),
        ),
        RUNS,
      );
      // The rules hold for the event as it would be after the patch.
      await fc.assert(
        fc.asyncProperty(crossField, async ([change, path]) => {
          const answer = await call('PATCH', `/v1/events/${draft}`, { token: staff, json: change });
          expect(answer.status, JSON.stringify(change)).toBe(400);
          expect(pathsOf(answer), JSON.stringify(change)).toContain(path);
        }),
        { numRuns: 30 },
      );
      // A published event is not edited, however good the patch.
      const published = await call('PATCH', `/v1/events/${noChildcare}`, {
        token: staff,
        json: { venueCapacity: 50 },
      });
      expect(published.status).toBe(409);
    });
  });

  it('POST /v1/events/{id}/registrations: refuses every bad sign-up, registering nobody', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(badRegistrations, async (body) =>
          expectRefused(await signUp(pro, withChildcare, body as Record<string, unknown>), body),
        ),
        RUNS,
      );
      // A mode without seats, and childcare where none is offered: 400s naming the field.
      const online = await signUp(pro, withChildcare, { attendance: 'online' });
      expect(online.status).toBe(400);
      expect(pathsOf(online)).toContain('body.attendance');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('venue', 'online'), goodChildcare, async (attendance, childcare) => {
          const answer = await signUp(pro, noChildcare, { attendance, childcare });
          expect(answer.status, JSON.stringify(answer.body)).toBe(400);
          expect(pathsOf(answer)).toContain('body.childcare');
        }),
        { numRuns: 20 },
      );
    });
    const counts = (await call('GET', `/v1/events/${withChildcare}`)).body;
    expect(counts).toMatchObject({ seatsLeft: { venue: 5, online: 0 }, waitlisted: { venue: 0, online: 0 } });
  });

  it('POST /v1/events/{id}/checkins: refuses every bad code, checking nobody in', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(badCheckins, async (body) =>
          expectRefused(
            await call('POST', `/v1/events/${soon}/checkins`, { token: staff, json: body }),
            body,
          ),
        ),
        RUNS,
      );
      // A well-formed code that is nobody's: 404.
      await fc.assert(
        fc.asyncProperty(
          codeOf(CODE_ALPHABET).filter((c) => c !== soonCode),
          async (code) => {
            const answer = await call('POST', `/v1/events/${soon}/checkins`, {
              token: staff,
              json: { code },
            });
            expectRefused(answer, code);
            expect(answer.status).toBe(404);
          },
        ),
        { numRuns: 20 },
      );
    });
  });

  it('GET /v1/events: refuses every bad query', async () => {
    await fc.assert(
      fc.asyncProperty(badEventQueries, async (q) =>
        expectRefused(await call('GET', `/v1/events?${qs(q)}`), q),
      ),
      RUNS,
    );
  });

  it('GET /v1/events: refuses a made-up cursor that is no key of the listing', async () => {
    await fc.assert(
      fc.asyncProperty(craftedCursors, async (q) =>
        expectRefused(await call('GET', `/v1/events?${qs(q)}`), q),
      ),
      { numRuns: 30 },
    );
  });

  it('GET /v1/events: a next page asked for with a later `from` than its cursor’s is refused, not a 5xx', async () => {
    const first = await call('GET', '/v1/events?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toBeTruthy();
    const later = encodeURIComponent(tokyo(Date.now() + days(3650)));
    expectRefused(
      await call('GET', `/v1/events?limit=1&from=${later}&cursor=${first.body.nextCursor}`),
      'later',
    );
  });

  it('GET /v1/events/{id}/registrations and GET /v1/me/registrations: refuse every bad query', async () => {
    await fc.assert(
      fc.asyncProperty(badRegistrationQueries, async (q) =>
        expectRefused(
          await call('GET', `/v1/events/${noChildcare}/registrations?${qs(q)}`, { token: staff }),
          q,
        ),
      ),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(badMyRegistrationQueries, async (q) =>
        expectRefused(await call('GET', `/v1/me/registrations?${qs(q)}`, { token: pro }), q),
      ),
      { numRuns: 30 },
    );
  });

  it('refuses a bad id in the path of every events route, and a body that is not JSON', async () => {
    await writesNothing(async () => {
      await fc.assert(
        fc.asyncProperty(badIds, async (id) => {
          for (const [method, path, token, json] of [
            ['PATCH', `/v1/events/${id}`, staff, { title: 'x' }],
            ['POST', `/v1/events/${id}/publish`, staff, undefined],
            ['POST', `/v1/events/${id}/cancel`, staff, undefined],
            ['GET', `/v1/events/${id}`, undefined, undefined],
            ['GET', `/v1/events/${id}/calendar.ics`, undefined, undefined],
            ['POST', `/v1/events/${id}/registrations`, pro, { attendance: 'venue' }],
            ['DELETE', `/v1/events/${id}/registrations/me`, pro, undefined],
            ['POST', `/v1/events/${id}/registrations/me/claim`, pro, undefined],
            ['GET', `/v1/events/${id}/registrations/me/calendar.ics`, pro, undefined],
            ['GET', `/v1/events/${id}/registrations`, staff, undefined],
            ['POST', `/v1/events/${id}/checkins`, staff, { code: 'ABCDEFGH' }],
            ['GET', `/v1/events/${id}/draw`, staff, undefined],
          ] as const) {
            const answer = await call(method, path, { token, json });
            if (answer.status === 404 && answer.body?.message === 'Not Found') continue; // no route matched, as API Gateway answers
            expectRefused(answer, { method, path });
          }
        }),
        { numRuns: 20 },
      );
      for (const [method, path, token] of [
        ['POST', '/v1/events', staff],
        ['PATCH', `/v1/events/${draft}`, staff],
        ['POST', `/v1/events/${withChildcare}/registrations`, pro],
        ['POST', `/v1/events/${soon}/checkins`, staff],
      ] as const) {
        expectRefused(
          await call(method, path, { token, raw: '{"title":', contentType: 'application/json' }),
          path,
        );
        expectRefused(
          await call(method, path, {
            token,
            raw: 'attendance=venue',
            contentType: 'application/x-www-form-urlencoded',
          }),
          path,
        );
      }
    });
  });
});
