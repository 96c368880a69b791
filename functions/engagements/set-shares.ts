import { oneEngagement } from '#shared/engagements/one-engagement.ts';
import { setShares } from '#shared/engagements/set-shares.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.setShares, async ({ profile, params, body }) => {
  await setShares(profile.userId, params.id, body.shares);
  return { json: await oneEngagement(profile.userId, params.id) };
});
