import { editEvent } from '#shared/events/edit-event.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.editEvent, async ({ profile, params, body }) => ({
  json: await editEvent(profile, params.id, body),
}));
