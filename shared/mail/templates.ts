/**
 * Every mail the product sends, in Japanese and English. A mail carries both languages,
 * Japanese first, so it reads right whatever language the person chose in the app.
 */
export type Mail = { template: string; subject: string; text: string };
type Lang = { subject: string; body: string };

const SIGNATURE_JA = '— 架け橋 Kakehashi';
const SIGNATURE_EN = '— Kakehashi';

function bilingual(template: string, ja: Lang, en: Lang): Mail {
  return {
    template,
    subject: `${ja.subject} / ${en.subject}`,
    text: `${ja.body}\n\n${SIGNATURE_JA}\n\n----------------------------------------\n\n${en.body}\n\n${SIGNATURE_EN}\n`,
  };
}

export const mails = {
  welcome(p: { displayName: string; role: 'professional' | 'firm'; appUrl: string }): Mail {
    const next = {
      professional: [
        '地域のプロジェクトを探して、気になる案件に応募してみましょう。',
        'Browse regional projects and apply to the ones that speak to you.',
      ],
      firm: [
        '切り出した業務をプロジェクトとして掲載し、プロ人材と出会いましょう。',
        'Post a piece of work as a project and meet professionals.',
      ],
    }[p.role];
    return bilingual(
      'welcome',
      {
        subject: '架け橋へようこそ',
        body: `${p.displayName} さん\n\n架け橋への登録が完了しました。${next[0]}\n${p.appUrl}`,
      },
      {
        subject: 'Welcome to Kakehashi',
        body: `Hello ${p.displayName},\n\nYour Kakehashi profile is ready. ${next[1]}\n${p.appUrl}`,
      },
    );
  },

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
