import { createEvent } from '#shared/events/create-event.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.createEvent, async ({ profile, body }) => ({
  status: 201,
  json: await createEvent(profile, body),
}));
