/**
 * The web app's Content-Security-Policy, in one place: CloudFront's response headers policy
 * (infra/web-stack.ts) and the local gateway's static files (infra/local/static-files.ts) both send it.
 *
 * It is a policy the built app satisfies (the browser tests fail on any violation, tests/e2e/browser.ts):
 * Vite's output has no inline script and the app evaluates no code (zod is told not to probe for
 * `new Function`, web/src/main.tsx); Mantine injects `<style>` elements and sets style attributes at run time,
 * hence `'unsafe-inline'` for styles only; images and fonts may be data: URLs; the check-in page's QR scanner
 * decodes in a worker started from a blob: URL. The app calls its own origin (`/v1/…`) and Cognito, which
 * differs by where it runs: the regional endpoint in AWS, cognito-local on this machine.
 */
export function webContentSecurityPolicy(opts: {
  /** Where the browser signs in: `https://cognito-idp.<region>.amazonaws.com`, or cognito-local's origin. */
  cognitoOrigin: string;
  /** Served over HTTPS (CloudFront): insecure subresource requests are upgraded. Not on http://localhost. */
  https: boolean;
}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The check-in page's QR scanner decodes in a worker started from a blob: URL.
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${opts.cognitoOrigin}`,
    'frame-src https://js.stripe.com https://hooks.stripe.com',
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com",
    "object-src 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
