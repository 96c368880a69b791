import { audit } from './audit.entity.ts';
import type { PageQuery } from './rules.ts';

/** The operators' actions, newest first, a page at a time (`GET /v1/admin/audit`). */
export const auditTrail = (query: PageQuery) => audit.page(query.limit, query.cursor);
