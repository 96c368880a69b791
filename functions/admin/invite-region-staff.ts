import { inviteRegionStaff } from '#shared/admin/invite-region-staff.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/admin/region-staff', async ({ caller, body }) => {
  const invitation = await inviteRegionStaff(caller.userId, body);
  return {
    status: 201,
    json: { email: invitation.email, regionCode: invitation.regionCode, expiresAt: invitation.expiresAt },
  };
});
