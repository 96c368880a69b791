import { bilingual, type Mail } from '../mail/templates.ts';
import type { ConsiderationKind, ConsiderationOutcome } from './rules.ts';

const KIND_JA: Record<ConsiderationKind, string> = {
  pregnancy: '妊娠',
  childbirth: '出産',
  childcare: '育児',
  care: '介護',
  other: 'その他',
};
const KIND_EN: Record<ConsiderationKind, string> = {
  pregnancy: 'pregnancy',
  childbirth: 'childbirth',
  childcare: 'childcare',
  care: 'family care',
  other: 'other',
};
const OUTCOME_JA: Record<ConsiderationOutcome, string> = {
  accommodated: '申出のとおり配慮します',
  partly: '一部配慮します',
  not_possible: '配慮できません',
};
const OUTCOME_EN: Record<ConsiderationOutcome, string> = {
  accommodated: 'accommodated as asked',
  partly: 'partly accommodated',
  not_possible: 'not possible',
};

/** Mails of a request for consideration (freelance act 13条): the firm is told of it, the requester of the answer. */
export const considerationMails = {
  requested(p: {
    title: string;
    requesterName: string;
    kind: ConsiderationKind;
    request: string;
    dutyApplies: boolean;
    engagementId: string;
    appUrl: string;
  }): Mail {
    const link = `${p.appUrl}/engagements/${p.engagementId}`;
    return bilingual(
      'consideration-requested',
      {
        subject: `契約「${p.title}」：配慮の申出がありました`,
        body: `${p.requesterName}さんから、契約「${p.title}」について${KIND_JA[p.kind]}に関する配慮の申出がありました。\n\n${p.request}\n\n${
          p.dutyApplies
            ? 'この契約は6か月以上の継続的な業務委託のため、フリーランス・事業者間取引適正化等法第13条第1項により、必要な配慮をしなければなりません。'
            : 'フリーランス・事業者間取引適正化等法第13条第2項により、必要な配慮をするよう努めてください。'
        }配慮できない場合は、その理由を説明してください。契約のページから回答できます。\n${link}`,
      },
      {
        subject: `Retainer "${p.title}": a request for consideration`,
        body: `${p.requesterName} asked for consideration (${KIND_EN[p.kind]}) in the retainer "${p.title}":\n\n${p.request}\n\n${
          p.dutyApplies
            ? 'This is a commission of 6 months or more: under Article 13(1) of the Freelance Act you must give the consideration needed.'
            : 'Under Article 13(2) of the Freelance Act, please endeavour to give the consideration needed.'
        } If you cannot, explain why. You can answer from the retainer's page.\n${link}`,
      },
    );
  },

  answered(p: {
    title: string;
    firmName: string;
    outcome: ConsiderationOutcome;
    answer: string;
    engagementId: string;
    appUrl: string;
  }): Mail {
    const link = `${p.appUrl}/engagements/${p.engagementId}`;
    return bilingual(
      'consideration-answered',
      {
        subject: `契約「${p.title}」：配慮の申出に回答がありました`,
        body: `${p.firmName}が、契約「${p.title}」での配慮の申出に回答しました：${OUTCOME_JA[p.outcome]}。\n\n${p.answer}\n\n申出と回答は契約のページに記録されています。\n${link}`,
      },
      {
        subject: `Retainer "${p.title}": your request for consideration was answered`,
        body: `${p.firmName} answered your request for consideration in the retainer "${p.title}": ${OUTCOME_EN[p.outcome]}.\n\n${p.answer}\n\nThe request and the answer are kept on the retainer's page.\n${link}`,
      },
    );
  },
};
