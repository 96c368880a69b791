import { cancelRegistration } from '#shared/events/cancel-registration.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.cancelRegistration, async ({ profile, params }) => ({
  json: await cancelRegistration(profile, params.id, new Date()),
}));
