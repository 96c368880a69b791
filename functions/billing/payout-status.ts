import { payoutStatus } from '#shared/billing/payouts.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/me/payouts', async ({ profile }) => ({
  json: await payoutStatus(profile.userId),
}));
