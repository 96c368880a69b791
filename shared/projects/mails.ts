import { yen } from '../domain/money.ts';
import { bilingual, type Mail } from '../mail/templates.ts';
import type { TermsChange } from './rules.ts';

/** Each condition's name and how its values read, in Japanese and English (as the web app words them). */
const words = {
  monthlyFeeJpy: {
    ja: ['月額報酬', (v: number) => `${yen(v)}/月`],
    en: ['Monthly fee', (v: number) => `${yen(v)} a month`],
  },
  feeTax: {
    ja: [
      '報酬の消費税',
      (v: string) => (v === 'exclusive' ? '税別（別途消費税10%）' : '税込（消費税を含む）'),
    ],
    en: [
      'Consumption tax on the fee',
      (v: string) => (v === 'exclusive' ? 'excluding tax (10% on top)' : 'including consumption tax'),
    ],
  },
  hoursPerMonth: {
    ja: ['稼働時間', (v: number) => `月 ${v} 時間`],
    en: ['Hours', (v: number) => `${v} ${v === 1 ? 'hour' : 'hours'} a month`],
  },
  remote: {
    ja: [
      'リモート',
      (v: string) => ({ full: 'フルリモート', hybrid: 'リモート＋ときどき現地', onsite: '現地中心' })[v] ?? v,
    ],
    en: [
      'Remote work',
      (v: string) =>
        ({ full: 'Fully remote', hybrid: 'Remote with visits', onsite: 'Mostly on site' })[v] ?? v,
    ],
  },
} as const;

/** 「月額報酬：¥50,000/月 → ¥60,000/月」, one line per change. */
function lines(changes: TermsChange[], lang: 'ja' | 'en'): string {
  return changes
    .map((c) => {
      const [name, show] = words[c.term][lang] as readonly [string, (v: number | string) => string];
      return lang === 'ja'
        ? `・${name}：${show(c.from)} → ${show(c.to)}`
        : `- ${name}: ${show(c.from)} → ${show(c.to)}`;
    })
    .join('\n');
}

/** What the projects context mails: a change of an open project's conditions, to its applicants. */
export const projectMails = {
  termsChanged(p: {
    projectTitle: string;
    organizationName: string;
    projectId: string;
    changes: TermsChange[];
    appUrl: string;
  }): Mail {
    const link = `${p.appUrl}/projects/${p.projectId}`;
    return bilingual(
      'project-terms-changed',
      {
        subject: `応募した案件の条件が変わりました：${p.projectTitle}`,
        body: [
          `${p.organizationName} が、あなたが応募した「${p.projectTitle}」の募集条件を変更しました。`,
          lines(p.changes, 'ja'),
          `応募はそのまま選考が続きます。新しい条件で進めてよいか、案件のページでご確認ください（取り下げることもできます）。\n${link}`,
        ].join('\n\n'),
      },
      {
        subject: `The terms of a project you applied for changed: ${p.projectTitle}`,
        body: [
          `${p.organizationName} changed the terms of "${p.projectTitle}", which you applied for.`,
          lines(p.changes, 'en'),
          `Your application stays as it is. See the project's page to check the new terms (you may also withdraw).\n${link}`,
        ].join('\n\n'),
      },
    );
  },
};
