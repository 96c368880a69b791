import { groupDigits, yen } from '../domain/money.ts';
import { addMonths } from '../metrics/months.ts';
import { municipality, prefecture } from '../regions/index.ts';
import type { TermsDocumentOut, TermsFacts, TermsReason } from './contract.ts';
import { dateInJapan, NOTICE_DAYS, PAYMENT_DEADLINE_DAYS, paymentDeadline } from './rules.ts';

/**
 * The terms as a document (3条通知): every item the act and its rules (施行規則1条) ask for, in Japanese, with
 * English for reading. Built from the version's fixed facts, so printing it again gives the same document.
 */
const jaDate = (iso: string) => {
  const [y, m, d] = dateInJapan(iso).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const jaDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const jaMonth = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
const enDate = (iso: string) => dateInJapan(iso);

const REMOTE_JA = {
  full: 'フルリモート（受託者の任意の場所）',
  hybrid: 'リモートと現地の併用',
  onsite: '現地',
} as const;
const REMOTE_EN = {
  full: 'fully remote (wherever the professional works)',
  hybrid: 'remote and on site',
  onsite: 'on site',
} as const;

const TITLE = {
  ja: '取引条件明示書（特定受託事業者に係る取引の適正化等に関する法律 第3条）',
  en: 'Terms of the commission (Freelance Act, Article 3)',
};

export function termsDocument(v: {
  version: number;
  reason: TermsReason;
  issuedAt: string;
  facts: TermsFacts;
}): TermsDocumentOut {
  const f = v.facts;
  const m = municipality(f.place.municipalityCode);
  const p = m ? prefecture(m.prefectureCode) : undefined;
  const placeJa = `${p?.name ?? ''}${m?.name ?? f.place.municipalityCode}`;
  const placeEn = [m?.nameEn ?? f.place.municipalityCode, p?.nameEn].filter(Boolean).join(', ');
  const tax = f.fee.feeTax === 'exclusive';
  const months = f.period.startMonth
    ? Array.from({ length: f.period.durationMonths }, (_, k) => addMonths(f.period.startMonth as string, k))
    : [];
  const sections: TermsDocumentOut['sections'] = [
    {
      key: 'parties',
      ja: {
        heading: '当事者',
        body: [
          `委託事業者: ${f.firm.name}${f.firm.contactName ? `（担当: ${f.firm.contactName}）` : ''}`,
          f.team
            ? `特定受託事業者: ${f.team.name}（代表: ${f.professional.name}。メンバー: ${f.team.members.map((x) => `${x.name} ${x.percent}%`).join('、')}）`
            : `特定受託事業者: ${f.professional.name}`,
        ],
      },
      en: {
        heading: 'Parties',
        body: [
          `Commissioning business: ${f.firm.name}${f.firm.contactName ? ` (contact: ${f.firm.contactName})` : ''}`,
          f.team
            ? `Freelancer: the team ${f.team.name} (director ${f.professional.name}; members: ${f.team.members.map((x) => `${x.name} ${x.percent}%`).join(', ')})`
            : `Freelancer: ${f.professional.name}`,
        ],
      },
    },
    {
      key: 'commissioned',
      ja: { heading: '業務委託をした日', body: [jaDate(f.commissionedAt)] },
      en: { heading: 'Date of the commission', body: [enDate(f.commissionedAt)] },
    },
    {
      key: 'work',
      ja: {
        heading: '給付の内容',
        body: [
          `案件: ${f.work.title}`,
          f.work.summary,
          ...(f.work.deliverables ? [`成果物・業務: ${f.work.deliverables}`] : []),
        ],
      },
      en: {
        heading: 'The work',
        body: [
          `Project: ${f.work.title}`,
          '(as described in Japanese above)',
          ...(f.work.deliverables ? ['Deliverables: as above'] : []),
        ],
      },
    },
    {
      key: 'period',
      ja: {
        heading: '役務の提供を受ける期間',
        body: [
          f.period.startMonth
            ? `${jaMonth(f.period.startMonth)}から${f.period.durationMonths}か月（${jaMonth(months.at(-1) as string)}まで）。月${f.fee.hoursPerMonth}時間程度。`
            : `初回の支払日の月から${f.period.durationMonths}か月。月${f.fee.hoursPerMonth}時間程度。`,
          '期間満了後は、いずれかが終了を申し出るまで月単位で更新します。',
        ],
      },
      en: {
        heading: 'Period of the service',
        body: [
          f.period.startMonth
            ? `${f.period.durationMonths} months from ${f.period.startMonth} (to ${months.at(-1)}), about ${f.fee.hoursPerMonth} hours a month.`
            : `${f.period.durationMonths} months from the month of the first payment, about ${f.fee.hoursPerMonth} hours a month.`,
          'After that it renews month by month until either party ends it.',
        ],
      },
    },
    {
      key: 'place',
      ja: { heading: '役務の提供を受ける場所', body: [`${REMOTE_JA[f.place.remote]}。地域: ${placeJa}`] },
      en: { heading: 'Place of the service', body: [`${REMOTE_EN[f.place.remote]}; region: ${placeEn}`] },
    },
    {
      key: 'fee',
      ja: {
        heading: '報酬の額',
        body: [
          `月額 ${groupDigits(f.fee.monthlyFeeJpy)}円（${tax ? '税別。別途消費税10%を加えて支払います' : '税込'}）`,
          `このうちプラットフォーム利用料として報酬総額の${f.fee.platformFeePercent}%（税込）を架け橋が受け取り、残りを特定受託事業者に支払います。`,
        ],
      },
      en: {
        heading: 'Fee',
        body: [
          `${yen(f.fee.monthlyFeeJpy)} a month (${tax ? 'excluding consumption tax; 10% tax is paid on top' : 'including consumption tax'})`,
          `Kakehashi keeps ${f.fee.platformFeePercent}% of the payment (tax included) as its platform fee; the rest goes to the freelancer.`,
        ],
      },
    },
    {
      key: 'paymentDate',
      ja: {
        heading: '支払期日',
        body: [
          `各月分の報酬は、その月の支払期間の初日（初回は決済の日）に前払いで支払います。いずれの月分も、その月の末日から起算して${PAYMENT_DEADLINE_DAYS}日以内に支払います。`,
          ...months.map((month) => `${jaMonth(month)}分: ${jaDay(paymentDeadline(month))}まで`),
        ],
      },
      en: {
        heading: 'Payment date',
        body: [
          `Each month is paid in advance on the first day of its billing period (the first at checkout), and always within ${PAYMENT_DEADLINE_DAYS} days of the end of the month it pays for.`,
          ...months.map((month) => `${month}: by ${paymentDeadline(month)}`),
        ],
      },
    },
    {
      key: 'paymentMethod',
      ja: {
        heading: '支払方法',
        body: [
          '委託事業者は、架け橋を通じて Stripe のクレジットカード決済（毎月の自動決済）で支払い、架け橋はプラットフォーム利用料を差し引いた額を Stripe Connect で特定受託事業者の口座に送金します。',
        ],
      },
      en: {
        heading: 'Payment method',
        body: [
          'The firm pays through Kakehashi by card with Stripe (a monthly automatic charge); Kakehashi pays the freelancer the rest, less its platform fee, through Stripe Connect.',
        ],
      },
    },
  ];
  if (f.long)
    sections.push({
      key: 'ending',
      ja: {
        heading: '契約の解除・不更新',
        body: [
          `6か月以上の継続的な業務委託のため、委託事業者が契約を解除し、または更新しないときは、少なくとも${NOTICE_DAYS}日前までに予告します（法第16条第1項）。`,
          '予告の日から契約満了までの間に特定受託事業者が求めたときは、委託事業者は遅滞なく理由を示します（同条第2項）。',
          ...(f.ending
            ? [
                `${jaDate(f.ending.requestedAt)}、委託事業者が終了を予告しました。契約は${jaDate(f.ending.endsAt)}に終了します${f.ending.noticeExtended ? `（予告から${NOTICE_DAYS}日後）` : '（支払期間の末日）'}。`,
                ...(f.ending.reasonRequestedAt
                  ? [`${jaDate(f.ending.reasonRequestedAt)}、特定受託事業者が理由の開示を求めました。`]
                  : []),
                ...(f.ending.reason && f.ending.reasonGivenAt
                  ? [`${jaDate(f.ending.reasonGivenAt)}に示された理由: ${f.ending.reason}`]
                  : []),
              ]
            : []),
        ],
      },
      en: {
        heading: 'Ending and non-renewal',
        body: [
          `As a commission of 6 months or more, the firm gives at least ${NOTICE_DAYS} days' notice before ending it or not renewing it (Art. 16(1)).`,
          'If the freelancer asks between the notice and the end, the firm gives its reason without delay (Art. 16(2)).',
          ...(f.ending
            ? [
                `On ${enDate(f.ending.requestedAt)} the firm gave notice; the engagement ends on ${enDate(f.ending.endsAt)}${f.ending.noticeExtended ? ` (${NOTICE_DAYS} days after the notice)` : ' (the end of the period paid for)'}.`,
                ...(f.ending.reasonRequestedAt
                  ? [`On ${enDate(f.ending.reasonRequestedAt)} the freelancer asked for the reason.`]
                  : []),
                ...(f.ending.reason && f.ending.reasonGivenAt
                  ? [`Reason given on ${enDate(f.ending.reasonGivenAt)}: ${f.ending.reason}`]
                  : []),
              ]
            : []),
        ],
      },
    });
  return {
    engagementId: f.engagementId,
    version: v.version,
    reason: v.reason,
    issuedAt: v.issuedAt,
    title: TITLE,
    sections,
    facts: f,
  };
}
