import { api } from '#shared/http/api.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { routes as allLines } from '../routes.ts';
import * as routes from './routes.ts';

// The one function that carries every line: it describes them. Built once per container.
const document = openApiDocument(allLines, { title: 'Kakehashi API', version: '1' });

export const handler = api(routes.openApi, async () => ({
  json: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
