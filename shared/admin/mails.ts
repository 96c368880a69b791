import { bilingual, type Mail } from '../mail/templates.ts';

/** What the operators' context mails: invitations of region staff, and their expiry. */
export const adminMails = {
  staffInvitation(p: { regionName: string; regionNameEn: string; expiresAt: string; appUrl: string }): Mail {
    const until = p.expiresAt.slice(0, 10);
    return bilingual(
      'staff-invitation',
      {
        subject: `${p.regionName}の担当者として招待されました`,
        body: `架け橋の運営から、${p.regionName}の自治体担当者として招待されました。\nこのメールアドレスで ${until} までに登録またはサインインすると、担当者としての権限が付与されます。\n${p.appUrl}`,
      },
      {
        subject: `You are invited as staff of ${p.regionNameEn}`,
        body: `The Kakehashi operators invited you as region staff of ${p.regionNameEn}.\nSign up or sign in with this e-mail address before ${until} and your account gets the staff role.\n${p.appUrl}`,
      },
    );
  },

  invitationExpired(p: { email: string; regionName: string; regionNameEn: string }): Mail {
    return bilingual(
      'invitation-expired',
      {
        subject: '招待の有効期限が切れました',
        body: `${p.email} への${p.regionName}担当者の招待は、使われないまま有効期限が切れました。必要なら改めて招待してください。`,
      },
      {
        subject: 'An invitation expired',
        body: `The invitation of ${p.email} as staff of ${p.regionNameEn} expired unused. Invite them again if needed.`,
      },
    );
  },
};
