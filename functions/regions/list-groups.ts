import { listWideAreaGroups } from '#shared/regions/index.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/regions/groups', async () => ({
  json: { items: listWideAreaGroups() },
  headers: { 'cache-control': 'public, max-age=86400' },
}));
