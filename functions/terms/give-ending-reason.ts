import { roleApi } from '#shared/http/role-api.ts';
import { giveEndingReason } from '#shared/terms/ending-reason.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.giveEndingReason, async ({ profile, params, body }) => ({
  json: await giveEndingReason(profile.userId, params.id, body.reason),
}));
