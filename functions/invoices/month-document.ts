import { roleApi } from '#shared/http/role-api.ts';
import { monthDocument } from '#shared/invoices/read-documents.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.monthDocument, async ({ profile, params }) => ({
  json: await monthDocument(profile.userId, params.id, params.invoiceId, params.kind),
}));
