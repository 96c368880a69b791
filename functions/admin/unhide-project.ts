import { changeVisibility } from '#shared/admin/hide-project.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.unhideProject, async ({ profile, params, body }) => ({
  json: await changeVisibility(profile, params.id, false, body.reason),
}));
