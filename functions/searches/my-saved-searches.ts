import { roleApi } from '#shared/http/role-api.ts';
import { mySavedSearches } from '#shared/searches/my-saved-searches.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.mySavedSearches, async ({ profile }) => ({
  json: { items: await mySavedSearches(profile) },
}));
