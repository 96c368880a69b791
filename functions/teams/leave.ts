import { roleApi } from '#shared/http/role-api.ts';
import { leaveTeam } from '#shared/teams/leave-team.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.leave, async ({ profile, params }) => ({
  json: await leaveTeam(profile, params.id),
}));
