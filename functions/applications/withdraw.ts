import { withdrawApplication } from '#shared/applications/withdraw.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.withdraw, async ({ profile, params }) => ({
  json: await withdrawApplication(profile.userId, params.id),
}));
