import { bilingual, type Mail } from '../mail/templates.ts';

/** What the teams context mails: an invitation to join a team. */
export const teamMails = {
  invitation(p: {
    teamName: string;
    directorName: string;
    expiresAt: string;
    appUrl: string;
    teamId: string;
  }): Mail {
    const link = `${p.appUrl}/teams/${p.teamId}?join=1`;
    const until = p.expiresAt.slice(0, 10);
    return bilingual(
      'team-invitation',
      {
        subject: `チーム「${p.teamName}」に招待されました`,
        body: `${p.directorName} さんが、チーム「${p.teamName}」のメンバーとしてあなたを招待しました。\nこのメールアドレスのプロフェッショナルのアカウントでサインインし、${until} までに参加してください。\n${link}`,
      },
      {
        subject: `You are invited to the team "${p.teamName}"`,
        body: `${p.directorName} invited you to join the team "${p.teamName}".\nSign in with a professional account of this e-mail address and join before ${until}.\n${link}`,
      },
    );
  },
};
