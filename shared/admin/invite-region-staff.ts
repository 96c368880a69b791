import type { User } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { region } from '../regions/index.ts';
import { audit } from './audit.entity.ts';
import { INVITATION_DAYS, type Invitation, invitations } from './invitation.entity.ts';
import { adminMails } from './mails.ts';

/**
 * An operator invites an e-mail address as staff of a region.
 * 1. One transaction: the invitation (new or renewed, valid for 14 days) and its entry in the audit trail.
 * 2. Mail the address, in Japanese and English (a refusal goes to the outbox: the invitation stands).
 * The role is granted when that person signs in (see my-profile.ts).
 */
export async function inviteRegionStaff(
  operator: Pick<User, 'userId' | 'displayName'>,
  input: { email: string; regionCode: string },
  at = new Date(),
): Promise<Invitation> {
  const expiresAt = new Date(at.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  const email = input.email.toLowerCase();
  const { invitation, ...put } = invitations.putting(
    { email, role: 'region_staff', regionCode: input.regionCode, invitedBy: operator.userId, expiresAt },
    at.toISOString(),
  );
  const place = region(input.regionCode);
  await audit.record(
    audit.entry({
      at: at.toISOString(),
      action: 'invite_staff',
      operatorId: operator.userId,
      operatorName: operator.displayName,
      target: { kind: 'invitation', id: email, label: email },
      details: { regionCode: input.regionCode, regionName: place?.name ?? input.regionCode, expiresAt },
    }),
    put,
  );
  await sendMailQuietly(
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
