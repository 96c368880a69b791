import { payoutStatus } from '#shared/billing/payout-status.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.payoutStatus, async ({ profile }) => ({
  json: await payoutStatus(profile.userId),
}));
