import { inviteRegionStaff } from '#shared/admin/invite-region-staff.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.inviteRegionStaff, async ({ caller, body }) => {
  const invitation = await inviteRegionStaff(caller.userId, body);
  return {
    status: 201,
    json: { email: invitation.email, regionCode: invitation.regionCode, expiresAt: invitation.expiresAt },
  };
});
