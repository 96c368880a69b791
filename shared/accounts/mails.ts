import { bilingual, type Mail } from '../mail/templates.ts';

/** What the accounts context mails: the welcome after onboarding. */
export const accountMails = {
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
};
