import { changeSuspension } from '#shared/admin/suspend-account.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.suspendAccount, async ({ profile, params, body }) => ({
  json: await changeSuspension(profile, params.id, true, body.reason),
}));
