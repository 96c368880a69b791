import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable, type LocalDynamo, startDynamoDb } from '../../infra/local/dynamodb.ts';
import { freePort } from '../../infra/local/ports.ts';

/**
 * DynamoDB goes away: the API answers 503 with a clear error (never a hang, never a 500), and recovers by
 * itself when the database is back. Runs the real handler against its own DynamoDB Local, which the test
 * stops and starts again on the same port.
 */
describe('database unreachable', () => {
  let dynamo: LocalDynamo | undefined;
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('answers 503 while DynamoDB is down and 200 again once it is back', async () => {
    const port = await freePort();
    dynamo = await startDynamoDb(port);
    await ensureTable(dynamo.client, 'kakehashi-outage');
    Object.assign(process.env, {
      AWS_REGION: 'ap-northeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      TABLE_NAME: 'kakehashi-outage',
      USER_POOL_ID: 'local_pool',
      USER_POOL_CLIENT_ID: 'client',
      WEB_ORIGIN: 'http://localhost:3000',
      MAIL_FROM: 'no-reply@kakehashi.local',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const { handler } = await import('#functions/accounts/get-me.ts');
    const { lambdaContext } = await import('../../infra/local/gateway.ts');
    const event = {
      version: '2.0',
      routeKey: 'GET /v1/me',
      rawPath: '/v1/me',
      headers: {},
      requestContext: {
        http: { method: 'GET', path: '/v1/me' },
        authorizer: { jwt: { claims: { sub: 'someone', email: 'a@b.jp' }, scopes: [] } },
      },
    } as never;
    const ask = () => handler(event, lambdaContext('accounts/get-me'));

    expect((await ask()).statusCode).toBe(404); // up: no profile yet

    await dynamo.stop();
    const started = Date.now();
    const down = await ask();
    expect(down.statusCode).toBe(503);
    expect(JSON.parse(down.body as string)).toEqual({
      error: { code: 'unavailable', message: expect.stringMatching(/temporarily unavailable/) },
    });
    expect(Date.now() - started).toBeLessThan(15_000); // fails fast instead of hanging

    dynamo = await startDynamoDb(port);
    await ensureTable(dynamo.client, 'kakehashi-outage');
    expect((await ask()).statusCode).toBe(404); // recovered without a restart
  });
});
