import { inviteRegionStaff } from '#shared/admin/invite-region-staff.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.inviteRegionStaff, async ({ profile, body }) => {
  const invitation = await inviteRegionStaff(profile, body);
  return {
    status: 201,
    json: { email: invitation.email, regionCode: invitation.regionCode, expiresAt: invitation.expiresAt },
  };
});
