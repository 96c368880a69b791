import { startPayoutOnboarding } from '#shared/billing/payouts.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/me/payouts/onboarding', async ({ profile }) => ({
  json: await startPayoutOnboarding(profile),
}));
