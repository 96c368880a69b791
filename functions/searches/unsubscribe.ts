import { api } from '#shared/http/api.ts';
import { unsubscribe } from '#shared/searches/unsubscribe.ts';
import * as routes from './routes.ts';

export const handler = api(routes.unsubscribe, async ({ params, body }) => ({
  json: await unsubscribe(params.id, body.token),
}));
