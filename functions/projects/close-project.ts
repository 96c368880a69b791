import { changeProjectStatus } from '#shared/projects/manage-projects.ts';
import { projectView } from '#shared/projects/view.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.closeProject, async ({ profile, params }) => ({
  json: projectView(await changeProjectStatus(profile.userId, params.id, 'close')),
}));
