import { startCheckout } from '#shared/engagements/start-checkout.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/engagements/{id}/checkout', async ({ profile, params }) => ({
  json: await startCheckout(profile, params.id),
}));
