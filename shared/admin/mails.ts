import { bilingual, type Mail } from '../mail/templates.ts';

/**
 * What the operators' context mails: invitations of region staff and their expiry; to a firm, a posting hidden
 * or shown again; to a person, their account suspended or restored. Each says why, in the operator's words.
 */
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

  projectHidden(p: { title: string; reason: string; projectUrl: string }): Mail {
    return bilingual(
      'project-hidden',
      {
        subject: `案件「${p.title}」を非公開にしました`,
        body: `架け橋の運営が、案件「${p.title}」を非公開にしました。検索や一覧に表示されず、案件ページも御社以外には表示されません。応募の受付も止まります。\n\n理由: ${p.reason}\n\nご不明な点は架け橋の運営までお問い合わせください。\n${p.projectUrl}`,
      },
      {
        subject: `Your project “${p.title}” is hidden`,
        body: `The Kakehashi operators hid your project “${p.title}”. It no longer shows in search or lists, its page is shown to your firm only, and it takes no applications.\n\nReason: ${p.reason}\n\nContact the Kakehashi operators with any question.\n${p.projectUrl}`,
      },
    );
  },

  projectUnhidden(p: { title: string; reason: string; projectUrl: string }): Mail {
    return bilingual(
      'project-unhidden',
      {
        subject: `案件「${p.title}」を再び公開しました`,
        body: `架け橋の運営が、案件「${p.title}」の非公開を解除しました。募集中であれば、再び検索に表示され応募を受け付けます。\n\n理由: ${p.reason}\n${p.projectUrl}`,
      },
      {
        subject: `Your project “${p.title}” is shown again`,
        body: `The Kakehashi operators made your project “${p.title}” visible again. If it is open, it shows in search and takes applications again.\n\nReason: ${p.reason}\n${p.projectUrl}`,
      },
    );
  },

  accountSuspended(p: { reason: string; hiddenProjects: number }): Mail {
    const ja = p.hiddenProjects ? `\n募集中の案件 ${p.hiddenProjects} 件は非公開になりました。` : '';
    const en = p.hiddenProjects
      ? `\nYour ${p.hiddenProjects} open project${p.hiddenProjects === 1 ? ' is' : 's are'} hidden.`
      : '';
    return bilingual(
      'account-suspended',
      {
        subject: 'アカウントの利用を停止しました',
        body: `架け橋の運営が、あなたのアカウントの利用を停止しました。停止中はサインインしても操作できません。進行中の契約と月々のお支払いはそのまま続きます。${ja}\n\n理由: ${p.reason}\n\nご不明な点は架け橋の運営までお問い合わせください。`,
      },
      {
        subject: 'Your account is suspended',
        body: `The Kakehashi operators suspended your account. While it is suspended you can sign in but do nothing. Running engagements and their monthly payments go on.${en}\n\nReason: ${p.reason}\n\nContact the Kakehashi operators with any question.`,
      },
    );
  },

  accountRestored(p: { reason: string; appUrl: string }): Mail {
    return bilingual(
      'account-restored',
      {
        subject: 'アカウントの利用停止を解除しました',
        body: `架け橋の運営が、あなたのアカウントの利用停止を解除しました。これまでどおりご利用いただけます。停止とともに非公開になった案件も再び公開されます。\n\n理由: ${p.reason}\n${p.appUrl}`,
      },
      {
        subject: 'Your account is restored',
        body: `The Kakehashi operators restored your account: you can use Kakehashi as before. Projects hidden with the suspension are shown again.\n\nReason: ${p.reason}\n${p.appUrl}`,
      },
    );
  },
};
