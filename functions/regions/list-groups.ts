import { api } from '#shared/http/api.ts';
import { listWideAreaGroups } from '#shared/regions/index.ts';
import * as routes from './routes.ts';

export const handler = api(routes.listGroups, async () => ({
  json: { items: listWideAreaGroups() },
  headers: { 'cache-control': 'public, max-age=86400' },
}));
