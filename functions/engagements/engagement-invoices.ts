import { engagementInvoices } from '#shared/engagements/engagement-invoices.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.engagementInvoices, async ({ profile, params }) => ({
  json: { items: await engagementInvoices(profile.userId, params.id) },
}));
