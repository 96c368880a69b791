import { roleApi } from '#shared/http/role-api.ts';
import { askEndingReason } from '#shared/terms/ending-reason.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.askEndingReason, async ({ profile, params }) => ({
  json: await askEndingReason(profile.userId, params.id),
}));
