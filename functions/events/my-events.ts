import { myEvents } from '#shared/events/my-events.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.myEvents, async ({ profile }) => ({ json: await myEvents(profile) }));
