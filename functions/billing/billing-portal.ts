import { billingPortal } from '#shared/engagements/change-engagement.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/billing/portal', async ({ profile }) => ({
  json: await billingPortal(profile.userId),
}));
