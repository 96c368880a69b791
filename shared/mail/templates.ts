/**
 * Every mail the product sends, in Japanese and English. A mail carries both languages,
 * Japanese first, so it reads right whatever language the person chose in the app.
 */
export type Mail = { template: string; subject: string; text: string };
type Lang = { subject: string; body: string };

const SIGNATURE_JA = '— 架け橋 Kakehashi';
const SIGNATURE_EN = '— Kakehashi';

export function bilingual(template: string, ja: Lang, en: Lang): Mail {
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

export const projectMails = {
  newApplication(p: {
    projectTitle: string;
    applicantName: string;
    appUrl: string;
    projectId: string;
  }): Mail {
    const link = `${p.appUrl}/my/projects/${p.projectId}/applicants`;
    return bilingual(
      'new-application',
      {
        subject: `「${p.projectTitle}」に応募がありました`,
        body: `${p.applicantName} さんから「${p.projectTitle}」への応募が届きました。提案を読んで、選考を進めましょう。\n${link}`,
      },
      {
        subject: `New application for "${p.projectTitle}"`,
        body: `${p.applicantName} applied for "${p.projectTitle}". Read the proposal and decide.\n${link}`,
      },
    );
  },

  decision(p: {
    projectTitle: string;
    organizationName: string;
    status: 'shortlisted' | 'declined' | 'accepted';
    appUrl: string;
  }): Mail {
    const ja = {
      shortlisted: `${p.organizationName} が「${p.projectTitle}」へのあなたの応募を選考中（候補）にしました。`,
      declined: `残念ながら、${p.organizationName} は「${p.projectTitle}」へのあなたの応募を見送りました。ほかのプロジェクトもぜひご覧ください。`,
      accepted: `おめでとうございます。${p.organizationName} が「${p.projectTitle}」へのあなたの応募を採用しました。月額契約の手続きに進みます。`,
    }[p.status];
    const en = {
      shortlisted: `${p.organizationName} shortlisted your application for "${p.projectTitle}".`,
      declined: `${p.organizationName} decided not to go ahead with your application for "${p.projectTitle}". Other projects are waiting for you.`,
      accepted: `Congratulations: ${p.organizationName} accepted your application for "${p.projectTitle}". The monthly retainer is next.`,
    }[p.status];
    const subjectJa = {
      shortlisted: '選考が進みました',
      declined: '選考結果のお知らせ',
      accepted: '採用が決まりました',
    }[p.status];
    const subjectEn = {
      shortlisted: 'You are shortlisted',
      declined: 'About your application',
      accepted: 'You are accepted',
    }[p.status];
    const link = `${p.appUrl}/my/applications`;
    return bilingual(
      `decision-${p.status}`,
      { subject: `${subjectJa}：${p.projectTitle}`, body: `${ja}\n${link}` },
      { subject: `${subjectEn}: ${p.projectTitle}`, body: `${en}\n${link}` },
    );
  },
};
