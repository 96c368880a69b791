import { api } from '#shared/http/api.ts';
import { listPrefectures } from '#shared/regions/index.ts';
import * as routes from './routes.ts';

export const handler = api(routes.listPrefectures, async () => ({
  json: { items: listPrefectures() },
  headers: { 'cache-control': 'public, max-age=86400' },
}));
