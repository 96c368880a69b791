import { bilingual, type Mail } from '../mail/templates.ts';

/** Mails of the reason's disclosure (freelance act 16条2項). */
export const termsMails = {
  reasonRequested(p: {
    title: string;
    professionalName: string;
    engagementId: string;
    appUrl: string;
  }): Mail {
    const link = `${p.appUrl}/engagements/${p.engagementId}`;
    return bilingual(
      'ending-reason-requested',
      {
        subject: `契約「${p.title}」：終了の理由の開示が求められました`,
        body: `${p.professionalName}さんが、契約「${p.title}」を終了する理由の開示を求めました。\nフリーランス・事業者間取引適正化等法第16条第2項により、遅滞なく理由を示してください。契約のページから回答できます。\n${link}`,
      },
      {
        subject: `Retainer "${p.title}": the reason for ending it was requested`,
        body: `${p.professionalName} asked why the retainer "${p.title}" is being ended.\nUnder Article 16(2) of the Freelance Act, please give the reason without delay, from the retainer's page.\n${link}`,
      },
    );
  },

  reasonGiven(p: {
    title: string;
    firmName: string;
    reason: string;
    engagementId: string;
    appUrl: string;
  }): Mail {
    const link = `${p.appUrl}/engagements/${p.engagementId}`;
    return bilingual(
      'ending-reason-given',
      {
        subject: `契約「${p.title}」：終了の理由が示されました`,
        body: `${p.firmName}が、契約「${p.title}」を終了する理由を示しました。\n\n${p.reason}\n\n取引条件明示書にも記録されています。\n${link}`,
      },
      {
        subject: `Retainer "${p.title}": the reason for ending it`,
        body: `${p.firmName} gave the reason for ending the retainer "${p.title}":\n\n${p.reason}\n\nIt is recorded in the terms too.\n${link}`,
      },
    );
  },
};
