import { myRegistrations } from '#shared/events/my-registrations.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myRegistrations, async ({ profile, query }) => ({
  json: await myRegistrations(profile, query),
}));
