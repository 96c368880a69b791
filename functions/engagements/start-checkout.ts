import { startCheckout } from '#shared/billing/checkout.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/engagements/{id}/checkout', async ({ profile, params }) => ({
  json: await startCheckout(profile, params.id),
}));
