import { myEvents } from '#shared/events/my-events.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myEvents, async ({ profile, query }) => ({
  json: await myEvents(profile, query, new Date()),
}));
