import { bilingual, type Mail } from '../mail/templates.ts';

/** What the applications context mails: a new application to the firm, each decision to the applicant. */
export const applicationMails = {
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
