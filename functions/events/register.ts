import { register } from '#shared/events/register.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.register, async ({ profile, params, body }) => ({
  status: 201,
  json: await register(profile, params.id, body, new Date()),
}));
