import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

declare global {
  /**
   * Set in the Lambda bundle (infra/bundling.ts, esbuild `define`): the document as JSON text, made when the
   * function is bundled, from the same lines by the same function as below. Unset where the handler runs from
   * source (the local cloud, the tests).
   */
  var KAKEHASHI_OPENAPI_DOCUMENT: string | undefined;
}

/**
 * Run from source, the document is built from every line on the first request. The two modules are named by
 * variables, which esbuild does not follow: the bundle carries the finished text instead, and none of the lines'
 * schemas (bundled, this branch is dead code).
 */
const LINES = '../routes.ts';
const GENERATOR = '#shared/public/api-document.ts';

async function build(): Promise<ReturnType<typeof import('#shared/public/api-document.ts').apiDocument>> {
  if (globalThis.KAKEHASHI_OPENAPI_DOCUMENT !== undefined)
    return JSON.parse(globalThis.KAKEHASHI_OPENAPI_DOCUMENT);
  const [lines, generator] = (await Promise.all([import(LINES), import(GENERATOR)])) as [
    typeof import('../routes.ts'),
    typeof import('#shared/public/api-document.ts'),
  ];
  return generator.apiDocument(lines.routes);
}

/** Made once per container, on the first request; should that fail, the next request tries again. */
let document: ReturnType<typeof build> | undefined;

export const handler = api(routes.openApi, async () => {
  document ??= build().catch((error: unknown) => {
    document = undefined;
    throw error;
  });
  return { json: await document, headers: { 'cache-control': 'public, max-age=300' } };
});
