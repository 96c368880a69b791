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
