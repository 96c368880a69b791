import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { readConfig } from '#shared/config.ts';

/**
 * The configuration is checked with zod's mini API (shared/zod-mini.ts), which a function that touches nothing
 * loads instead of the classic one. It must accept, return and refuse exactly what the classic schema did, with
 * the same messages: this is that schema, as it was written before.
 */
const Classic = z.object({
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(1).optional(),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  COGNITO_ENDPOINT: z.url().optional(),
  WEB_ORIGIN: z.url(),
  MAIL_FROM: z.string().min(3),
  STRIPE_PUBLISHABLE_KEY: z.string().default(''),
  STRIPE_SECRET_ARN: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_BASE: z.url().optional(),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

const classic = (env: Record<string, string | undefined>) => {
  const parsed = Classic.safeParse(env);
  if (parsed.success) return { config: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return { error: `Invalid configuration (environment variables):\n${problems.join('\n')}` };
};
const mini = (env: Record<string, string | undefined>) => {
  try {
    return { config: readConfig(env) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const valid = {
  AWS_REGION: 'ap-northeast-1',
  USER_POOL_ID: 'pool',
  USER_POOL_CLIENT_ID: 'client',
  WEB_ORIGIN: 'https://kakehashi.example.jp',
  MAIL_FROM: 'noreply@kakehashi.example.jp',
};

/** What an environment variable may be: unset, empty, short, a URL or not, with blanks and tabs, a log level. */
const value = fc.option(
  fc.oneof(
    fc.constantFrom(
      '',
      'ab',
      'abc',
      'INFO',
      'DEBUG',
      'info',
      'TRACE',
      'http://localhost:4566',
      ' https://a.b ',
    ),
    fc.constantFrom('https://exa\tmple.com', 'not a url', 'mailto:x@y', 'http:/x', '://', 'file:///tmp'),
    fc.string({ maxLength: 12 }),
    fc.webUrl(),
  ),
  { nil: undefined },
);
const KEYS = [...Object.keys(Classic.shape), 'OTHER'] as const;

describe('configuration', () => {
  it('reads a valid environment as before, defaults filled in and unknown variables left out', () => {
    expect(readConfig({ ...valid, OTHER: 'x' })).toEqual({
      ...valid,
      STRIPE_PUBLISHABLE_KEY: '',
      LOG_LEVEL: 'INFO',
    });
    expect(mini(valid)).toEqual(classic(valid));
  });

  it('names every variable in the way, with the messages of before', () => {
    const env = { ...valid, AWS_REGION: '', WEB_ORIGIN: 'nope', LOG_LEVEL: 'LOUD', USER_POOL_ID: undefined };
    expect(mini(env)).toEqual(classic(env));
    expect(mini(env).error).toMatch(
      /^Invalid configuration \(environment variables\):\nAWS_REGION: Too small/,
    );
  });

  it('accepts, returns and refuses exactly what the classic schema did', () => {
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(KEYS.map((k) => [k, value])), { requiredKeys: [] }),
        fc.boolean(),
        (random, startValid) => {
          const env = { ...(startValid ? valid : {}), ...random } as Record<string, string | undefined>;
          expect(mini(env)).toEqual(classic(env));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
