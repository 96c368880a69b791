import { getEvent } from '#shared/events/get-event.ts';
import { optionalApi } from '#shared/http/optional-api.ts';
import * as routes from './routes.ts';

export const handler = optionalApi(routes.getEvent, async ({ params, caller }) => ({
  json: await getEvent(params.id, caller?.userId),
}));
