import { roleApi } from '#shared/http/role-api.ts';
import { monthDocuments } from '#shared/invoices/read-documents.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.monthDocuments, async ({ profile, params }) => ({
  json: { documents: await monthDocuments(profile.userId, params.id, params.invoiceId) },
}));
