import { roleApi } from '#shared/http/role-api.ts';
import { editProject } from '#shared/projects/edit-project.ts';
import { projectView } from '#shared/projects/view.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.editProject, async ({ profile, params, body }) => ({
  json: projectView(await editProject(profile.userId, params.id, body)),
}));
