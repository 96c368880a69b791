import { hiddenProjects } from '#shared/admin/hidden-projects.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.hiddenProjects, async ({ query }) => ({
  json: await hiddenProjects(query),
}));
