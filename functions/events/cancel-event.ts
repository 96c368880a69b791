import { cancelEvent } from '#shared/events/cancel-event.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.cancelEvent, async ({ profile, params }) => ({
  json: await cancelEvent(profile, params.id),
}));
