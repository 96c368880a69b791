import { type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.ts';
import type { LambdaHandler } from '../../infra/local/gateway.ts';
import { cloud } from '../support/api.ts';

/**
 * The gateway's rate limit per client IP. The suite's gateway has the generous default (every test file shares
 * it, from 127.0.0.1), so this test starts a second gateway of the same code with a low limit and a clock it
 * moves, in front of the real health handler against the suite's DynamoDB Local and cognito-local.
 */
describe('rate limit per client IP', () => {
  let now = 0;
  let gateway: { url: string; stop: () => Promise<void> } | undefined;
  let port = 0;
  const limit = { perSecond: 2, burst: 5, now: () => now };

  beforeAll(async () => {
    const c = cloud();
    Object.assign(process.env, {
      AWS_REGION: 'ap-northeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: c.dynamodbEndpoint,
      TABLE_NAME: c.tableName,
      USER_POOL_ID: c.userPoolId,
      USER_POOL_CLIENT_ID: c.clientId,
      COGNITO_ENDPOINT: c.cognitoEndpoint,
      WEB_ORIGIN: c.url,
      MAIL_FROM: 'no-reply@kakehashi.local',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const { startGateway } = await import('../../infra/local/gateway.ts');
    const { Mailbox } = await import('../../infra/local/mailbox.ts');
    const health = routes['GET /v1/health'];
    if (health?.handler !== 'public/health') throw new Error('GET /v1/health is not public/health');
    const { handler } = (await import('#functions/public/health.ts')) as { handler: LambdaHandler };
    const started = await startGateway({
      port: 0,
      routes,
      handlers: new Map([[health.handler, handler]]),
      lambdas: new Map(),
      auth: { issuer: `${c.cognitoEndpoint}/${c.userPoolId}`, audience: c.clientId },
      webDir: join(process.cwd(), 'web', 'dist'),
      webOrigin: c.url,
      mailbox: new Mailbox(),
      rateLimit: limit,
    });
    gateway = started;
    port = Number(new URL(started.url).port);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  /** A GET from 127.0.0.1, or from another loopback address: another client. */
  const get = (path: string, from = '127.0.0.1', headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; json: () => unknown }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers, localAddress: from }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: () => JSON.parse(body) }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('answers 2xx up to the burst, then 429 with Retry-After and the API’s error body, and again once the bucket refills', async () => {
    for (let i = 0; i < limit.burst; i++) expect((await get('/v1/health')).status).toBe(200);

    const refused = await get('/v1/health');
    expect(refused.status).toBe(429);
    // One token comes back every half second: a client retrying after a whole second is let in.
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.json()).toEqual({
      error: { code: 'throttled', message: 'Too many requests. Please retry shortly.' },
    });

    // Before the authorizer and before any route: a signed-in route, an unknown one.
    expect((await get('/v1/me')).status).toBe(429);
    expect((await get('/v1/nowhere')).status).toBe(429);
    // The client's own X-Forwarded-For changes nothing: the limit is on the connection's address.
    expect((await get('/v1/health', '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    // Another client is not held back by this one.
    expect((await get('/v1/health', '127.0.0.2')).status).toBe(200);
    // The web app is not the API: its files are not counted.
    expect((await get('/')).status).not.toBe(429);

    now += 499;
    expect((await get('/v1/health')).status).toBe(429);
    now += 1; // half a second: one request's worth
    expect((await get('/v1/health')).status).toBe(200);
    expect((await get('/v1/health')).status).toBe(429);

    now += 60_000; // a quiet minute fills the bucket to its burst, no more
    for (let i = 0; i < limit.burst; i++) expect((await get('/v1/health')).status).toBe(200);
    expect((await get('/v1/health')).status).toBe(429);
  });

  it('a signed-in route under the limit is the authorizer’s to answer (401 without a token)', async () => {
    now += 60_000;
    const answer = await get('/v1/me');
    expect(answer.status).toBe(401);
  });
});
