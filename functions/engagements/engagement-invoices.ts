import { engagementInvoices } from '#shared/engagements/views.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/engagements/{id}/invoices', async ({ profile, params }) => ({
  json: { items: await engagementInvoices(profile.userId, params.id) },
}));
