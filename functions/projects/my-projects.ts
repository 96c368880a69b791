import { roleApi } from '#shared/http/role-api.ts';
import { myProjects } from '#shared/projects/my-projects.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myProjects, async ({ profile, query }) => ({
  json: await myProjects(profile.userId, query),
}));
