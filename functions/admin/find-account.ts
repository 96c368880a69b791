import { findAccount } from '#shared/admin/find-account.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.findAccount, async ({ query }) => ({ json: await findAccount(query) }));
