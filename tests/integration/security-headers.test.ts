import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webContentSecurityPolicy } from '../../infra/web-csp.ts';
import { cloud, newUser } from '../support/api.ts';

/**
 * Security headers on what the local cloud answers: the API's (a function's answer, a function's refusal and
 * the gateway's own) and the web app's (index.html, an app route, an asset). In the cloud CloudFront adds its
 * response headers policies on top (HSTS among them, infra/web-stack.ts).
 */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${cloud().url}${path}`, { headers });

function expectBaseline(res: Response, what: string) {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
}

describe('security headers', () => {
  it('on the API: a function’s answer and its refusal carry nosniff, no referrer, frame denial, HSTS and a CSP', async () => {
    const { token } = await newUser('headers');
    const answers = {
      'GET /v1/health (200)': await get('/v1/health'),
      'GET /v1/me without a profile (404, the function refuses)': await get('/v1/me', {
        authorization: `Bearer ${token}`,
      }),
      'GET /v1/projects?limit=0 (400, bad input)': await get('/v1/projects?limit=0'),
    };
    expect(answers['GET /v1/health (200)'].status).toBe(200);
    expect(answers['GET /v1/me without a profile (404, the function refuses)'].status).toBe(404);
    expect(answers['GET /v1/projects?limit=0 (400, bad input)'].status).toBe(400);
    for (const [what, res] of Object.entries(answers)) {
      expectBaseline(res, what);
      expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), what).toMatch(/max-age=\d{7,}/);
      expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
  });

  it('on what the gateway answers itself: the authorizer’s 401, an unknown route’s 404', async () => {
    const answers = {
      'GET /v1/me without a token': await get('/v1/me'),
      'GET /v1/nowhere': await get('/v1/nowhere'),
    };
    expect(answers['GET /v1/me without a token'].status).toBe(401);
    expect(answers['GET /v1/nowhere'].status).toBe(404);
    for (const [what, res] of Object.entries(answers)) {
      expectBaseline(res, what);
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
  });

  it('on the web app: index.html, an app route and an asset carry the CloudFront policy’s headers and CSP', async () => {
    if (!existsSync(join(process.cwd(), 'web', 'dist', 'index.html')))
      throw new Error('web/dist is not built: run `npm run build:web` (npm test does it first)');
    const index = await get('/');
    const html = await index.text();
    const asset = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, 'the entry script in index.html').toBeDefined();
    const answers = {
      '/': index,
      '/projects (an app route)': await get('/projects'),
      [`${asset} (an asset)`]: await get(asset as string),
    };
    // The cloud's policy, with cognito-local for Cognito and no upgrade of http://localhost.
    const csp = webContentSecurityPolicy({
      cognitoOrigin: new URL(cloud().cognitoEndpoint).origin,
      https: false,
    });
    for (const [what, res] of Object.entries(answers)) {
      expect(res.status, what).toBe(200);
      expectBaseline(res, what);
      expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-security-policy'), what).toBe(csp);
      expect(res.headers.get('permissions-policy'), what).toContain('camera=(self)');
    }
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // The built page needs no inline script: every <script> names its file.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
  });
});
