import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cloud, signIn, table } from '../support/api.ts';
import { eventually } from '../support/eventually.ts';
import {
  AMA,
  ama2025,
  fixture,
  KOCHI,
  kochi2025,
  SHIMANTO,
  UMAJI,
  umaji2025,
  umajiLastQuarter,
} from '../support/metrics-fixture.ts';

/**
 * The relationship population end to end: the hand-checked history written as source records, counted by the
 * stream consumer of the local cloud, read through the API; the rebuild agrees, after duplicate deliveries and
 * a record that fails until what it needs exists.
 */
const { context, activities, ids } = fixture(`it${Date.now().toString(36)}`);
const NISEKO = '01395';
const figuresPath = (code: string, from: string, to: string) =>
  `/v1/regions/${code}/relationship-population?from=${from}&to=${to}`;

async function write(items: Record<string, unknown>[]) {
  const { doc, name } = table();
  for (let i = 0; i < items.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [name]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/** A record as the stream hands it to the consumer. */
const record = (item: Record<string, unknown>, seq: string): DynamoDBRecord => ({
  eventID: `e${seq}`,
  eventName: 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: seq },
});

/** The consumer's own handler, in this process, against the same table (imported once the environment says where). */
async function consumer() {
  Object.assign(process.env, {
    TABLE_NAME: cloud().tableName,
    AWS_ENDPOINT_URL_DYNAMODB: cloud().dynamodbEndpoint,
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    USER_POOL_ID: cloud().userPoolId,
    USER_POOL_CLIENT_ID: cloud().clientId,
    WEB_ORIGIN: cloud().url,
    MAIL_FROM: 'Kakehashi <no-reply@kakehashi.local>',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  return (await import('#functions/metrics/record-ties.ts')).handler;
}

const rebuildCheck = async (regions: string[]) =>
  (
    (await (
      await fetch(`${cloud().url}/_local/schedules/rebuild-metrics/run`, {
        method: 'POST',
        body: JSON.stringify({ regions }),
      })
    ).json()) as { result: { differences: number; firstDifferences: unknown[] } }
  ).result;

let operator: string;
beforeAll(async () => {
  operator = await signIn('operator@demo.kakehashi.jp');
  await write(context);
  await write(activities);
}, 60_000);

describe('GET /v1/regions/{code}/relationship-population', () => {
  for (const expected of [umaji2025, kochi2025, ama2025, umajiLastQuarter]) {
    it(`${expected.region.name} ${expected.from}…${expected.to}: every figure of the hand-checked history, kept from the stream`, async () => {
      await eventually(async () => {
        const { status, body } = await call(
          'GET',
          figuresPath(expected.region.code, expected.from, expected.to),
          {
            token: operator,
          },
        );
        expect(status).toBe(200);
        expect(body).toEqual(expected);
      }, 30_000);
    });
  }

  it('the rebuild from the source records finds the stream-fed figures exactly', async () => {
    await eventually(async () => {
      expect(await rebuildCheck([UMAJI, SHIMANTO, KOCHI, AMA, '32'])).toMatchObject({ differences: 0 });
    }, 30_000);
  });

  it('counts a duplicate delivery once, and a record that fails is reported alone and counted when retried', async () => {
    const handler = await consumer();
    // A tour in ニセコ町 whose event record is not there yet: its check-in cannot be placed.
    const tour = {
      ...(context.find((i) => i.id === ids.e2) as object),
      id: `${ids.e2}-niseko`,
      kind: 'tour',
    };
    Object.assign(tour, {
      PK: `EVENT#${(tour as { id: string }).id}`,
      municipalityCode: NISEKO,
      prefectureCode: '01',
    });
    const poisoned = {
      PK: `EVENT#${(tour as { id: string }).id}`,
      SK: `REG#${ids.p2}`,
      type: 'Registration',
      id: 'niseko-p2',
      eventId: (tour as { id: string }).id,
      userId: ids.p2,
      attendance: 'venue',
      status: 'confirmed',
      checkedInAt: '2025-07-20T03:00:00.000Z',
      createdAt: '2025-07-01T03:00:00.000Z',
      updatedAt: '2025-07-20T03:00:00.000Z',
    };
    // Every activity again, twice, with the poisoned record in the middle.
    const batch = [...activities, ...activities].map((item, i) => record(item, String(1_000 + i)));
    batch.splice(20, 0, record(poisoned, '999'));
    const first = await handler({ Records: batch });
    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: '999' }] });

    await table().doc.send(new PutCommand({ TableName: table().name, Item: tour }));
    await table().doc.send(new PutCommand({ TableName: table().name, Item: poisoned }));
    const retried = await handler({ Records: [record(poisoned, '999')] });
    expect(retried).toEqual({ batchItemFailures: [] });

    const niseko = await eventually(async () => {
      const { body } = await call('GET', figuresPath(NISEKO, '2025-01', '2025-12'), { token: operator });
      expect(body.relationshipPeople).toBe(1);
      return body;
    }, 30_000);
    expect(niseko).toMatchObject({
      funnel: { tourAttendees: 1, applied: 0, engaged: 0 },
      byType: { remoteWork: 0, onSiteWork: 0, exchange: 1, nonVisiting: 0 },
    });
    // Nothing counted twice: the hand-checked figures still hold, and the rebuild agrees everywhere.
    expect((await call('GET', figuresPath(UMAJI, '2025-01', '2025-12'), { token: operator })).body).toEqual(
      umaji2025,
    );
    await eventually(async () => {
      expect(await rebuildCheck([UMAJI, SHIMANTO, KOCHI, AMA, '32', NISEKO, '01'])).toMatchObject({
        differences: 0,
      });
    }, 30_000);
  });

  it('gives any table as CSV with a BOM, small cells as X', async () => {
    const res = await fetch(
      `${cloud().url}${figuresPath(KOCHI, '2025-01', '2025-12')}&format=csv&table=bySkill`,
      { headers: { authorization: `Bearer ${operator}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).trim().split('\n')).toEqual([
      'スキル skill,人数 people',
      'ec,3',
      'design,X',
      'marketing,X',
    ]);
    const monthly = await fetch(
      `${cloud().url}${figuresPath(UMAJI, '2025-01', '2025-12')}&format=csv&table=monthly`,
      { headers: { authorization: `Bearer ${operator}` } },
    );
    expect((await monthly.text()).split('\n')[4]).toBe('2025-04,3,2');
  });

  it('who may read: staff of the region or of one containing it, and operators', async () => {
    const staffX = await signIn('staff@demo.kakehashi.jp'); // 鳥取県
    const amami = await signIn('amami-staff@demo.kakehashi.jp'); // 奄美群島
    const pro = await signIn('pro@demo.kakehashi.jp');
    const firm = await signIn('firm@demo.kakehashi.jp');
    const cases: [string | undefined, string, number][] = [
      [staffX, '31', 200],
      [staffX, '31370', 200], // a municipality of the prefecture
      [staffX, 'amami', 403],
      [staffX, UMAJI, 403],
      [amami, 'amami', 200],
      [amami, '46222', 200], // 奄美市, a member
      [amami, '46201', 403], // 鹿児島市 is not
      [amami, '46', 403], // the group does not contain its prefecture
      [operator, UMAJI, 200],
      [pro, '31', 403],
      [firm, '31370', 403],
      [undefined, '31', 401],
    ];
    for (const [token, code, status] of cases) {
      const { status: got } = await call('GET', `/v1/regions/${code}/relationship-population`, { token });
      expect(got, `${code} → ${status}`).toBe(status);
    }
  });

  it('refuses a period that is too long, backwards or not a month, with the field at fault, never a 500', async () => {
    const bad: [string, string][] = [
      ['from=2023-01&to=2026-01', 'to'], // 37 months
      ['from=2026-02&to=2026-01', 'from'],
      ['from=2026-13', 'from'],
      ['format=csv', 'table'],
      ['table=people', 'table'],
      ['colour=red', ''],
    ];
    for (const [query, path] of bad) {
      const { status, body } = await call('GET', `/v1/regions/31/relationship-population?${query}`, {
        token: operator,
      });
      expect(status, query).toBe(400);
      if (path) expect(JSON.stringify(body), query).toContain(path);
    }
    expect((await call('GET', '/v1/regions/99/relationship-population', { token: operator })).status).toBe(
      400,
    );

    const month = fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.oneof(month, fc.string({ maxLength: 9 }))),
        fc.option(month),
        async (from, to) => {
          const q = new URLSearchParams({
            ...(from === null ? {} : { from }),
            ...(to === null ? {} : { to }),
          });
          const { status, body } = await call('GET', `/v1/regions/31/relationship-population?${q}`, {
            token: operator,
          });
          expect([200, 400]).toContain(status);
          if (status === 200) {
            expect(body.monthly.length).toBeLessThanOrEqual(36);
            expect(body.from <= body.to).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a professional who moves into the region stops counting there, in every month, as the rebuild says', async () => {
    const p2 = context.find((i) => i.userId === ids.p2) as Record<string, unknown>;
    await table().doc.send(
      new PutCommand({
        TableName: table().name,
        Item: { ...p2, homePrefectureCode: KOCHI, updatedAt: new Date().toISOString() },
      }),
    );
    await eventually(async () => {
      const { body } = await call('GET', figuresPath(UMAJI, '2025-01', '2025-12'), { token: operator });
      expect(body.relationshipPeople).toBe(4);
      expect(body.monthly[5]).toEqual({ month: '2025-06', relationshipPeople: 1, newPeople: 0 });
    }, 30_000);
    expect(
      (await call('GET', figuresPath(KOCHI, '2025-01', '2025-12'), { token: operator })).body
        .relationshipPeople,
    ).toBe(4);
    await eventually(async () => {
      expect(await rebuildCheck([UMAJI, SHIMANTO, KOCHI, AMA, '32', NISEKO, '01'])).toMatchObject({
        differences: 0,
      });
    }, 30_000);
  });
});
