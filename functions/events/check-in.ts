import { checkIn } from '#shared/events/check-in.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.checkIn, async ({ profile, params, body }) => ({
  json: await checkIn(profile, params.id, body.code, new Date()),
}));
