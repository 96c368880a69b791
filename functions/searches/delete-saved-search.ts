import { roleApi } from '#shared/http/role-api.ts';
import { deleteSearch } from '#shared/searches/delete-search.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.deleteSavedSearch, async ({ profile, params }) => {
  await deleteSearch(profile, params.id);
  return { status: 204, text: '', contentType: 'text/plain; charset=utf-8' };
});
