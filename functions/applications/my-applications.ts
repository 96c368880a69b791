import { myApplications } from '#shared/applications/my-applications.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myApplications, async ({ profile, query }) => ({
  json: await myApplications(profile.userId, query),
}));
