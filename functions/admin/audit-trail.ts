import { auditTrail } from '#shared/admin/audit-trail.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.auditTrail, async ({ query }) => ({ json: await auditTrail(query) }));
