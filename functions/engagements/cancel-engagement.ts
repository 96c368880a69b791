import { changeEngagement } from '#shared/engagements/change-engagement.ts';
import { oneEngagement } from '#shared/engagements/one-engagement.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.cancelEngagement, async ({ profile, params }) => {
  await changeEngagement(profile.userId, params.id, 'cancel');
  return { json: await oneEngagement(profile.userId, params.id) };
});
