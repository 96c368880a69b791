import { oneEngagement } from '#shared/engagements/one-engagement.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.getEngagement, async ({ profile, params }) => ({
  json: await oneEngagement(profile.userId, params.id),
}));
