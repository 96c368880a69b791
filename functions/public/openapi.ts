import { openApiDocument } from '#shared/http/openapi.ts';
import { endpoint } from '../endpoint.ts';
import { routes } from '../routes.ts';

// Built once per container: the route table does not change at run time.
const document = openApiDocument(routes, { title: 'Kakehashi API', version: '1' });

export const handler = endpoint('GET /v1/openapi.json', async () => ({
  json: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
