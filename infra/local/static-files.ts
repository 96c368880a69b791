import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { webContentSecurityPolicy } from '../web-csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The security headers CloudFront's response headers policy adds to every web response (`WebHeaders` in
 * infra/web-stack.ts), with the same Content-Security-Policy (infra/web-csp.ts). Plain HTTP on this machine:
 * no Strict-Transport-Security (browsers ignore it over HTTP) and no `upgrade-insecure-requests`.
 */
export function webSecurityHeaders(cognitoOrigin: string): Record<string, string> {
  return {
    'content-security-policy': webContentSecurityPolicy({ cognitoOrigin, https: false }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
  };
}

/** Serves the built web app as CloudFront would: files as they are, and index.html for app routes. */
export function serveWebApp(
  webDir: string,
  pathname: string,
  res: ServerResponse,
  securityHeaders: Record<string, string>,
): void {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(webDir, safe);
  if (!file.startsWith(webDir) || !existsSync(file) || statSync(file).isDirectory())
    file = join(webDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
    res.end('The web app is not built yet: run `npm run build:web` (npm start does it for you).');
    return;
  }
  const immutable = safe.startsWith('/assets/');
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(readFileSync(file));
}
