import { apply } from '#shared/applications/apply.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.apply, async ({ profile, params, body }) => ({
  status: 201,
  json: await apply(profile, params.id, body.proposal, body.teamId),
}));
