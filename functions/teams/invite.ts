import { roleApi } from '#shared/http/role-api.ts';
import { inviteToTeam } from '#shared/teams/invite-to-team.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.invite, async ({ profile, params, body }) => ({
  status: 201,
  json: await inviteToTeam(profile, params.id, body.email),
}));
