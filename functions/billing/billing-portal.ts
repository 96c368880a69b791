import { billingPortal } from '#shared/engagements/change-engagement.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.billingPortal, async ({ profile }) => ({
  json: await billingPortal(profile.userId),
}));
