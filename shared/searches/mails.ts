import { yen } from '../domain/money.ts';
import { bilingual, type Mail } from '../mail/templates.ts';

/** A new project as the digest lists it. */
export type DigestProject = {
  id: string;
  title: string;
  municipalityName: string;
  municipalityNameEn: string;
  prefectureName: string;
  prefectureNameEn: string;
  monthlyFeeJpy: number;
};

/** What the searches context mails: the morning digest of a saved search. */
export const searchMails = {
  digest(p: {
    title: { ja: string; en: string };
    projects: DigestProject[];
    /** New matches beyond those listed: behind the link to the search. */
    more: number;
    appUrl: string;
    searchPath: string;
    unsubscribePath: string;
  }): Mail {
    const total = p.projects.length + p.more;
    const searchUrl = `${p.appUrl}${p.searchPath}`;
    const unsubscribeUrl = `${p.appUrl}${p.unsubscribePath}`;
    const ja = p.projects.map(
      (x) =>
        `・${x.title}\n  ${x.prefectureName} ${x.municipalityName}｜月額 ${yen(x.monthlyFeeJpy)}\n  ${p.appUrl}/projects/${x.id}`,
    );
    const en = p.projects.map(
      (x) =>
        `- ${x.title}\n  ${x.municipalityNameEn}, ${x.prefectureNameEn} | ${yen(x.monthlyFeeJpy)} a month\n  ${p.appUrl}/projects/${x.id}`,
    );
    return bilingual(
      'saved-search-digest',
      {
        subject: `保存した検索「${p.title.ja}」に新着案件が${total}件あります`,
        body: [
          `保存した検索「${p.title.ja}」に合う案件が、新しく${total}件公開されました。`,
          ja.join('\n\n'),
          `${p.more > 0 ? `ほかに${p.more}件あります。` : ''}検索結果を見る：\n${searchUrl}`,
          `このメールは、新着案件があった日の朝にだけお送りしています。配信の停止（ログイン不要）：\n${unsubscribeUrl}`,
        ].join('\n\n'),
      },
      {
        subject: `${total} new ${total === 1 ? 'project' : 'projects'} for your saved search "${p.title.en}"`,
        body: [
          `${total} new ${total === 1 ? 'project matches' : 'projects match'} your saved search "${p.title.en}".`,
          en.join('\n\n'),
          `${p.more > 0 ? `And ${p.more} more. ` : ''}See the search:\n${searchUrl}`,
          `You get this mail on mornings after new projects were published. Stop these mails (no sign-in needed):\n${unsubscribeUrl}`,
        ].join('\n\n'),
      },
    );
  },
};
