import { projects } from '#shared/projects/project.entity.ts';
import { projectView } from '#shared/projects/view.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myProjects, async ({ profile }) => ({
  json: { items: (await projects.byFirm(profile.userId)).map(projectView) },
}));
