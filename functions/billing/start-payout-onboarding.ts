import { startPayoutOnboarding } from '#shared/billing/start-payout-onboarding.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.startPayoutOnboarding, async ({ profile }) => ({
  json: await startPayoutOnboarding(profile),
}));
