import { publishEvent } from '#shared/events/publish-event.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.publishEvent, async ({ profile, params }) => ({
  json: await publishEvent(profile, params.id),
}));
