import { roleApi } from '#shared/http/role-api.ts';
import { createTeam } from '#shared/teams/create-team.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.createTeam, async ({ profile, body }) => ({
  status: 201,
  json: await createTeam(profile, body),
}));
