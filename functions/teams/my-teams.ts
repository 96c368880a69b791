import { roleApi } from '#shared/http/role-api.ts';
import { myTeams } from '#shared/teams/my-teams.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myTeams, async ({ profile, query }) => ({
  json: await myTeams(profile, query),
}));
