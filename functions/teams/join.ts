import { roleApi } from '#shared/http/role-api.ts';
import { joinTeam } from '#shared/teams/join-team.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.join, async ({ profile, params }) => ({
  json: await joinTeam(profile, params.id),
}));
