import { optionalApi } from '#shared/http/optional-api.ts';
import { visibleProject } from '#shared/projects/get-project.ts';
import * as routes from './routes.ts';

export const handler = optionalApi(routes.getProject, async ({ params, caller, profile }) => ({
  json: await visibleProject(params.id, caller?.userId, profile?.role),
}));
