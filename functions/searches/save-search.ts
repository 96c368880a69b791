import { roleApi } from '#shared/http/role-api.ts';
import { saveSearch } from '#shared/searches/save-search.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.saveSearch, async ({ profile, body }) => ({
  status: 201,
  json: await saveSearch(profile, body),
}));
