import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { routes } from '#functions/routes.ts';
import type { Needs } from '#shared/http/route.ts';
import { apiDocument } from '#shared/public/api-document.ts';

/**
 * How every Lambda function is bundled, in one place: infra/kakehashi-function.ts bundles each function with
 * `bundleHandler` for CDK, and the benchmark (tests/bench/bundles.ts) calls the same function.
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
  /** What every file of a bundle is built with (tests/unit/architecture.test.ts builds one file with it). */
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
    /** Nothing external: the AWS SDK is bundled too (a pinned, tree-shaken copy starts faster). */
    external: [] as string[],
  },
};

const HERE = dirname(fileURLToPath(import.meta.url));
const SHIMS = join(HERE, 'bundling-shims');

/**
 * A function that touches no AWS service, no Stripe and no mail (its line needs nothing) opens no connection, yet
 * middy's util imports `STATUS_CODES` from node:http, and loading node:http costs a fresh process a few ms (it
 * loads net, stream and their kin) — a good part of such a function. Its bundle takes that table from a shim
 * instead; if anything else in it ever needs node:http, the build fails (the shim exports nothing else) rather
 * than the function.
 */
const HTTP_STATUS_SHIM = join(SHIMS, 'http-status-codes.ts');
export const touchesNetwork = (needs: Needs) => Boolean(needs.table || needs.stripe || needs.mail);

/**
 * Node's built-in modules, as the bundled code takes them. An ESM `import … from 'node:http'` makes Node build
 * an ESM facade of the module, which reads every export — `http.WebSocket` among them, which loads undici: a
 * fresh process pays ≈ 30 ms for it, a few ms more for crypto, fs, stream and the rest (the AWS SDK, Stripe,
 * Powertools and middy import a dozen). Each is aliased to a CommonJS shim (bundling-shims/node/) that returns
 * the module itself (`process.getBuiltinModule`): the same object, its exports read only when used. The SDK's
 * `await import('node:http')` on the first request goes through the same shim.
 */
const BUILTIN_SHIMS = join(SHIMS, 'node');
export const BUILTINS = readdirSync(BUILTIN_SHIMS)
  .filter((f) => f.endsWith('.cjs'))
  .map((f) => f.slice(0, -'.cjs'.length).replace('-', '/'));
const builtinAlias = Object.fromEntries(
  BUILTINS.flatMap((name) => {
    const shim = join(BUILTIN_SHIMS, `${name.replace('/', '-')}.cjs`);
    return [
      [`node:${name}`, shim],
      [name, shim],
    ];
  }),
);

/** The aliases a function is bundled with, from what its line says it needs. */
export const bundleAlias = (needs: Needs): Record<string, string> =>
  touchesNetwork(needs) ? builtinAlias : { ...builtinAlias, 'node:http': HTTP_STATUS_SHIM };

/**
 * The whole esbuild configuration of a function. Code splitting: what a function imports lazily
 * (`await import(…)`: the SES client on the first mail, the Powertools logger on the first line logged, the AWS
 * SDK's credential providers other than the environment's, the OpenAPI document) is a chunk of its own
 * (chunks/), read and compiled only when first used — in one file, it would be compiled at every cold start.
 */
export const functionBuildOptions = (entry: string, outdir: string, needs: Needs): BuildOptions => ({
  ...lambdaBundling.esbuild,
  entryPoints: { index: entry },
  outdir,
  splitting: true,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  alias: bundleAlias(needs),
  metafile: true,
  logLevel: 'error',
});

/**
 * Bundles one function into `outdir` (index.mjs, its chunks and their source maps) and returns esbuild's
 * metafile. Synchronous: CDK's local bundling calls it (infra/kakehashi-function.ts).
 */
export function bundleFunction(
  entry: string,
  outdir: string,
  needs: Needs,
  extra: Pick<BuildOptions, 'nodePaths' | 'absWorkingDir'> = {},
): Metafile {
  const result = buildSync({ ...functionBuildOptions(entry, outdir, needs), ...extra });
  return result.metafile as Metafile;
}

/**
 * What a handler's bundle is told when it is made (esbuild `define`): the OpenAPI function gets its document as
 * JSON text, made here from the lines by the function it would run (shared/public/api-document.ts), so that it
 * neither carries every line's schemas nor builds the document on its first request.
 */
let documentText: string | undefined;
function definesFor(handler: string): Record<string, string> {
  if (handler !== 'public/openapi') return {};
  documentText ??= JSON.stringify(apiDocument(routes));
  return { 'globalThis.KAKEHASHI_OPENAPI_DOCUMENT': JSON.stringify(documentText) };
}

/** Bundles the handler `functions/<handler>.ts` into `outdir`, as its function is deployed. */
export function bundleHandler(
  handler: string,
  outdir: string,
  needs: Needs,
  extra: Pick<BuildOptions, 'nodePaths' | 'absWorkingDir'> = {},
): Metafile {
  const entry = join(HERE, '..', 'functions', `${handler}.ts`);
  const result = buildSync({
    ...functionBuildOptions(entry, outdir, needs),
    define: definesFor(handler),
    ...extra,
  });
  return result.metafile as Metafile;
}

/**
 * What a cold start reads and compiles: the entry file and the chunks it imports statically, transitively
 * (chunks reached only through `import()` wait for their first use). Output paths as in the metafile.
 */
export function loadedAtStart(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find(
    (file) => file.endsWith('/index.mjs') || file === 'index.mjs',
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  if (entry) visit(entry);
  return [...seen];
}
