import { revokeInvitation } from '#shared/admin/revoke-invitation.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.revokeInvitation, async ({ profile, params }) => ({
  json: await revokeInvitation(profile, params.email),
}));
