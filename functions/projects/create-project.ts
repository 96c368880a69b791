import { roleApi } from '#shared/http/role-api.ts';
import { createProject } from '#shared/projects/create-project.ts';
import { projectView } from '#shared/projects/view.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.createProject, async ({ profile, body }) => ({
  status: 201,
  json: projectView(await createProject(profile, body)),
}));
