import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Needs } from '#shared/http/route.ts';

/**
 * How every Lambda function is bundled, in one place: infra/kakehashi-function.ts hands these to
 * NodejsFunction, and the benchmark (tests/bench/bundles.ts) builds with the same esbuild options.
 */
/**
 * ESM bundles have no `require`; CommonJS dependencies bundled into them (a few AWS SDK and middy helpers)
 * still call it. The banner gives them one; the odd local name avoids clashing with anything esbuild emits.
 */
const banner =
  "import { createRequire as __kakehashiCreateRequire } from 'node:module';" +
  'const require = __kakehashiCreateRequire(import.meta.url);';
const mainFields = ['module', 'main'];

export const lambdaBundling = {
  minify: true,
  sourceMap: true,
  target: 'node24',
  mainFields,
  banner,
  /** Nothing external: the AWS SDK is bundled too (a pinned, tree-shaken copy starts faster). */
  externalModules: [] as string[],
  esbuild: {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node24',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields,
    banner: { js: banner },
    external: [] as string[],
  },
};

/**
 * A function that touches no AWS service, no Stripe and no mail (its line needs nothing) opens no connection, yet
 * middy's util imports `STATUS_CODES` from node:http, and loading node:http costs a fresh process ≈ 35 ms — more
 * than the whole rest of such a function. Its bundle takes that table from a shim instead; if anything else in
 * it ever needs node:http, the build fails (the shim exports nothing else) rather than the function.
 */
const HTTP_STATUS_SHIM = join(
  dirname(fileURLToPath(import.meta.url)),
  'bundling-shims',
  'http-status-codes.ts',
);
export const touchesNetwork = (needs: Needs) => Boolean(needs.table || needs.stripe || needs.mail);
export const offlineAlias = (needs: Needs): Record<string, string> =>
  touchesNetwork(needs) ? {} : { 'node:http': HTTP_STATUS_SHIM };
