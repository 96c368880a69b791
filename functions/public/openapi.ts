import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

/**
 * The one function that carries every line: it describes them. The document is built on the first request and
 * kept for the container's life; the lines, their schemas and the generator are imported then, so that they are a
 * chunk of their own (infra/bundling.ts) which a cold start does not read. Should the build fail, the next
 * request tries again.
 */
let document: ReturnType<typeof build> | undefined;

async function build() {
  const [{ routes: allLines }, { openApiDocument }] = await Promise.all([
    import('../routes.ts'),
    import('#shared/http/openapi.ts'),
  ]);
  return openApiDocument(allLines, { title: 'Kakehashi API', version: '1' });
}

export const handler = api(routes.openApi, async () => {
  document ??= build().catch((error: unknown) => {
    document = undefined;
    throw error;
  });
  return { json: await document, headers: { 'cache-control': 'public, max-age=300' } };
});
