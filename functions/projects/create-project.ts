import { createProject } from '#shared/projects/manage-projects.ts';
import { projectView } from '#shared/projects/view.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.createProject, async ({ profile, body }) => ({
  status: 201,
  json: projectView(await createProject(profile, body)),
}));
