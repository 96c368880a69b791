import { users } from '../accounts/user.entity.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { region } from '../regions/index.ts';
import { invitations } from './invitation.entity.ts';
import { adminMails } from './mails.ts';

/**
 * Invitations that expired unused.
 * 1. Query the pending invitations whose expiry is past (an index ordered by expiry: no scan).
 * 2. Remove each one that was not renewed meanwhile.
 * 3. Tell the operator who sent it.
 */
export async function expireInvitations(at: Date): Promise<number> {
  let count = 0;
  for (const invitation of await invitations.expiredBefore(at.toISOString())) {
    if (!(await invitations.removeExpired(invitation))) continue;
    count++;
    const operator = await users.get(invitation.invitedBy);
    const place = region(invitation.regionCode);
    if (operator?.email) {
      await sendMailQuietly(
        operator.email,
        adminMails.invitationExpired({
          email: invitation.email,
          regionName: place?.name ?? invitation.regionCode,
          regionNameEn: place?.nameEn ?? invitation.regionCode,
        }),
      );
    }
  }
  return count;
}
