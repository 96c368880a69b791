import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '#functions/routes.ts';
import { routeMatcher } from '../../infra/local/route-matcher.ts';
import { cronPattern, rateMs, startScheduler } from '../../infra/local/scheduler.ts';

describe('local gateway route matching', () => {
  const match = routeMatcher({
    ...routes,
    'GET /v1/me/{id}': { handler: 'x', access: 'public', tag: 't', summary: '' },
  });

  it('matches the route table with path parameters', () => {
    expect(match('GET', '/v1/regions/prefectures/31/municipalities')).toMatchObject({
      key: 'GET /v1/regions/prefectures/{code}/municipalities',
      pathParameters: { code: '31' },
    });
    expect(match('PUT', '/v1/me')?.key).toBe('PUT /v1/me');
  });

  it('prefers literal segments over parameters, as API Gateway does, and matches the method', () => {
    expect(match('GET', '/v1/me')?.key).toBe('GET /v1/me');
    expect(match('GET', '/v1/me/42')?.key).toBe('GET /v1/me/{id}');
    expect(match('DELETE', '/v1/me')).toBeUndefined();
    expect(match('GET', '/v1/regions/prefectures/31')).toBeUndefined();
  });
});

describe('local scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads EventBridge rate and cron expressions', () => {
    expect(rateMs('rate(1 hour)')).toBe(3_600_000);
    expect(rateMs('rate(5 minutes)')).toBe(300_000);
    expect(rateMs('rate(2 days)')).toBe(172_800_000);
    expect(rateMs('cron(0 9 * * ? *)')).toBeUndefined();
    expect(cronPattern('cron(0 9 ? * MON-FRI *)')).toBe('0 9 * * MON-FRI');
    expect(() => cronPattern('cron(0 9 * *)')).toThrow();
  });

  it('runs a job on its rate with a scheduled event', async () => {
    vi.useFakeTimers();
    const calls: { time: string }[] = [];
    const scheduler = startScheduler([
      {
        name: 'tick',
        expression: 'rate(1 minute)',
        handler: async (event: { time: string }) => calls.push(event),
      },
    ]);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(typeof calls[0]?.time).toBe('string');
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(2);
  });
});
