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
