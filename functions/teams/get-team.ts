import { roleApi } from '#shared/http/role-api.ts';
import { getTeam } from '#shared/teams/get-team.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.getTeam, async ({ profile, params }) => ({
  json: await getTeam(profile, params.id),
}));
