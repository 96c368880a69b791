import { eventDraw } from '#shared/events/event-draw.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.eventDraw, async ({ profile, params }) => ({
  json: await eventDraw(profile, params.id),
}));
