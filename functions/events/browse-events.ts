import { browseEvents } from '#shared/events/browse-events.ts';
import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

export const handler = api(routes.browseEvents, async ({ query }) => ({
  json: await browseEvents(query, new Date()),
}));
