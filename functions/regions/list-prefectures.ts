import { listPrefectures } from '#shared/regions/index.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/regions/prefectures', async () => ({
  json: { items: listPrefectures() },
  headers: { 'cache-control': 'public, max-age=86400' },
}));
