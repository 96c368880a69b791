import { roleApi } from '#shared/http/role-api.ts';
import { changeProjectStatus } from '#shared/projects/change-project-status.ts';
import { projectView } from '#shared/projects/view.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.closeProject, async ({ profile, params }) => ({
  json: projectView(await changeProjectStatus(profile.userId, params.id, 'close')),
}));
