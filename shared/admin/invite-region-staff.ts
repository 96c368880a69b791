import { config } from '../config.ts';
import { sendMail } from '../mail/send.ts';
import { region } from '../regions/index.ts';
import { INVITATION_DAYS, type Invitation, invitations } from './invitation.entity.ts';
import { adminMails } from './mails.ts';

/**
 * An operator invites an e-mail address as staff of a region.
 * 1. Store (or renew) the invitation, valid for 14 days.
 * 2. Mail the address, in Japanese and English.
 * The role is granted when that person signs in (see my-profile.ts).
 */
export async function inviteRegionStaff(
  operatorId: string,
  input: { email: string; regionCode: string },
  at = new Date(),
): Promise<Invitation> {
  const expiresAt = new Date(at.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  const invitation = await invitations.put({
    email: input.email.toLowerCase(),
    role: 'region_staff',
    regionCode: input.regionCode,
    invitedBy: operatorId,
    expiresAt,
  });
  const place = region(input.regionCode);
  await sendMail(
    invitation.email,
    adminMails.staffInvitation({
      regionName: place?.name ?? input.regionCode,
      regionNameEn: place?.nameEn ?? input.regionCode,
      expiresAt,
      appUrl: config().WEB_ORIGIN,
    }),
  );
  return invitation;
}
