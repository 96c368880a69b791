import { startCheckout } from '#shared/engagements/start-checkout.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.startCheckout, async ({ profile, params }) => ({
  json: await startCheckout(profile, params.id),
}));
