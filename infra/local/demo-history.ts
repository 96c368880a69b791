import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Profile, ProfileInput } from '#shared/accounts/rules.ts';
import { userItem } from '#shared/accounts/user.entity.ts';
import { type Application, applications } from '#shared/applications/application.entity.ts';
import { type LedgerRow, ledger } from '#shared/billing/ledger.entity.ts';
import { platformFeeJpy, splitPayment } from '#shared/billing/rules.ts';
import { db, tableName } from '#shared/data/client.ts';
import { type Engagement, engagements } from '#shared/engagements/engagement.entity.ts';
import { issueMonthDocuments } from '#shared/invoices/issue-documents.ts';
import { addMonths } from '#shared/metrics/months.ts';
import { projects } from '#shared/projects/project.entity.ts';
import { type Project, ProjectInput } from '#shared/projects/rules.ts';
import { type PastEvent, pastAttendees, type Seeding, seedPast } from './demo-events.ts';

/**
 * Two years of history in Tottori (issue 10, "Demo data"), so that Tottori's staff (staff@) open a living
 * relationship-population page at once: Yurihama (湯梨浜町) projects from January 2025 to the autumn of 2026, who
 * applied, who was taken on and paid for how many months, and the seminars people followed online or came to.
 * With the two Yurihama tours of demo-events.ts (September 2025: five self-funded professionals from outside
 * Tottori; August 2026: two of them came back) it is what the field figures say: about ten matches in two years,
 * engagements kept 3, 6 and 12 months, online seminar attendance, people from many prefectures (some cells too
 * small to show) and two who never said where they live.
 *
 * Only source records are written (profiles, projects, applications, engagements, ledger rows, events and
 * registrations), through the entities, as the product would have written them: the figures come from the
 * stream consumer (or the rebuild), never from here. Everything is dated (not counted from the seeding day), so
 * the history is the same whenever it is seeded, and idempotent: ids are derived from keys, a record that exists
 * is left as it is, and a project seeded to its end (closed) is skipped.
 *
 * The people are profile-only (they never sign in, like demo-events.ts's past attendees), and so are the firms,
 * so that no demo login's projects, engagements or earnings change.
 */

type Day = `${number}-${number}-${number}`;

/** People of the history who are not in demo-events.ts's past attendees (there: five of the tour's). */
export const historyPeople: { key: string; profile: ProfileInput }[] = [
  {
    key: 'tokyo-pr',
    profile: {
      role: 'professional',
      displayName: '小林 理沙',
      headline: '東京のPR会社で観光地と宿の広報を担当しています。',
      skills: ['pr', 'sns', 'writing'],
      homePrefectureCode: '13',
      workStyle: 'remote',
    },
  },
  {
    key: 'tokyo-engineer',
    profile: {
      role: 'professional',
      displayName: '山口 直樹',
      headline: 'SaaS企業のエンジニア。予約と在庫の仕組みづくりが得意です。',
      skills: ['dx', 'data', 'engineering'],
      homePrefectureCode: '13',
      workStyle: 'remote',
    },
  },
  {
    key: 'osaka-designer',
    profile: {
      role: 'professional',
      displayName: '吉田 美穂',
      headline: '大阪のデザイン会社でパッケージと贈答品のデザインを手がけています。',
      skills: ['design', 'packaging', 'branding'],
      homePrefectureCode: '27',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'osaka-accountant',
    profile: {
      role: 'professional',
      displayName: '井上 誠',
      headline: '大阪の会計事務所で中小企業のクラウド会計の導入を支援。',
      skills: ['accounting', 'dx'],
      homePrefectureCode: '27',
      workStyle: 'remote',
    },
  },
  {
    key: 'osaka-translator',
    profile: {
      role: 'professional',
      displayName: '木村 恵美',
      headline: '観光の英訳とインバウンド対応を、週末の副業で。',
      skills: ['translation', 'inbound'],
      homePrefectureCode: '27',
      workStyle: 'remote',
    },
  },
  {
    key: 'kanagawa-photographer',
    profile: {
      role: 'professional',
      displayName: '林 健太郎',
      headline: '川崎在住のフォトグラファー。商品と宿の写真を撮ります。',
      skills: ['photography', 'design'],
      homePrefectureCode: '14',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'okayama-writer',
    profile: {
      role: 'professional',
      displayName: '清水 香織',
      headline: '岡山のライター。ふるさと納税の返礼品ページを書いています。',
      skills: ['writing', 'furusato-nozei'],
      homePrefectureCode: '33',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'hiroshima-hr',
    profile: {
      role: 'professional',
      displayName: '山崎 大樹',
      headline: '広島の人事コンサルタント。季節雇用の採用計画が専門です。',
      skills: ['hiring', 'planning'],
      homePrefectureCode: '34',
      workStyle: 'remote',
    },
  },
  {
    key: 'hyogo-it',
    profile: {
      role: 'professional',
      displayName: '阿部 悠斗',
      headline: '姫路の食品工場で生産管理を担当。小さな工場のDXを手伝います。',
      skills: ['manufacturing', 'dx', 'planning'],
      homePrefectureCode: '28',
      workStyle: 'hybrid',
    },
  },
  {
    key: 'hyogo-hotelier',
    profile: {
      role: 'professional',
      displayName: '池田 さくら',
      headline: '城崎の旅館で働くホテリエ。宿のインバウンド対応に関心があります。',
      skills: ['hospitality', 'inbound'],
      homePrefectureCode: '28',
      workStyle: 'onsite',
    },
  },
  {
    // Lives in Tottori city: counts for Yurihama (outside it), not for Tottori prefecture.
    key: 'tottori-city-designer',
    profile: {
      role: 'professional',
      displayName: '前田 愛',
      headline: '鳥取市のグラフィックデザイナー。県内の店や宿のロゴを作っています。',
      skills: ['design', 'branding'],
      homePrefectureCode: '31',
      homeMunicipalityCode: '31201',
      workStyle: 'onsite',
    },
  },
  {
    key: 'kyoto-brewer',
    profile: {
      role: 'professional',
      displayName: '中島 亮',
      headline: '京都の酒蔵で海外営業。日本酒を台湾・香港へ。',
      skills: ['export', 'marketing', 'ec'],
      homePrefectureCode: '26',
      workStyle: 'remote',
    },
  },
  {
    // Never said where they live: "home unknown".
    key: 'no-home-translator',
    profile: {
      role: 'professional',
      displayName: '藤田 健',
      headline: '英語と中国語の翻訳者。サイクリングと旅行の記事が得意です。',
      skills: ['translation', 'sns'],
      workStyle: 'remote',
    },
  },
  {
    key: 'no-home-planner',
    profile: {
      role: 'professional',
      displayName: '岡本 彩花',
      headline: '地域の商品企画とマーケティングを副業で。',
      skills: ['planning', 'marketing'],
      workStyle: 'remote',
    },
  },
];

/** The firms of the history (profile-only): three in Yurihama, one in Kurayoshi (Tottori, not Yurihama). */
export const historyFirms: { key: string; profile: ProfileInput & { role: 'firm' } }[] = [
  {
    key: 'yurihama-ryokan',
    profile: {
      role: 'firm',
      displayName: '長谷川 浩二',
      organizationName: '東郷湖 湖畔の宿 みずうみ荘',
      municipalityCode: '31370',
      industry: '宿泊業',
      size: '10-49',
    },
  },
  {
    key: 'yurihama-sweets',
    profile: {
      role: 'firm',
      displayName: '森 由香',
      organizationName: 'はわい梨菓子工房',
      municipalityCode: '31370',
      industry: '菓子製造・小売',
      size: '1-9',
    },
  },
  {
    key: 'yurihama-cycling',
    profile: {
      role: 'firm',
      displayName: '岡田 翼',
      organizationName: 'ゆりはま湖畔サイクル',
      municipalityCode: '31370',
      industry: '観光・レンタサイクル',
      size: '1-9',
    },
  },
  {
    key: 'kurayoshi-brewery',
    profile: {
      role: 'firm',
      displayName: '石田 和夫',
      organizationName: '白壁酒造',
      municipalityCode: '31203',
      industry: '酒類製造',
      size: '10-49',
    },
  },
];

/** An applicant and what became of them; an accepted one is paid monthly from `paid.first`, on that day. */
type HistoryApplicant = { who: string; on: Day; proposal: string } & (
  | { outcome: 'accepted'; decided: Day; paid: { first: Day; months: number } }
  | { outcome: 'declined'; decided: Day }
  | { outcome: 'withdrawn'; decided: Day }
);

/** Demo history predates the explicit work type: one is given where the work is a kind 源泉徴収 lists. */
export type HistoryProject = Omit<ProjectInput, 'workType' | 'feeTax'> & {
  workType?: ProjectInput['workType'];
  key: string;
  firm: string;
  published: Day;
  /** Closed once filled (or given up): no longer listed, still counted. */
  closed: Day;
  applicants: HistoryApplicant[];
};

export const historyProjects: HistoryProject[] = [
  {
    key: 'history-yurihama-ryokan-ota',
    firm: 'yurihama-ryokan',
    published: '2025-01-15',
    closed: '2025-02-25',
    title: '旅館の予約サイトとOTAの運用改善',
    summary:
      '予約の半分が旅行サイト経由です。自社予約サイトの見せ方とOTAの掲載内容を見直し、直接予約を増やしてください。',
    skills: ['ec', 'marketing', 'pr'],
    municipalityCode: '31370',
    monthlyFeeJpy: 50_000,
    hoursPerMonth: 15,
    remote: 'full',
    durationMonths: 6,
    applicants: [
      {
        who: 'tokyo-pr',
        on: '2025-01-20',
        proposal: '観光地の宿の広報を5年担当しています。まず予約導線の分析から始めます。',
        outcome: 'accepted',
        decided: '2025-02-24',
        paid: { first: '2025-03-03', months: 6 },
      },
      {
        who: 'osaka-designer',
        on: '2025-01-27',
        proposal: '予約サイトの写真とデザインの改善をご提案します。',
        outcome: 'declined',
        decided: '2025-02-24',
      },
    ],
  },
  {
    key: 'history-yurihama-sweets-package',
    firm: 'yurihama-sweets',
    published: '2025-02-10',
    closed: '2025-03-22',
    title: '梨菓子のパッケージと贈答用ギフトのデザイン',
    summary: '二十世紀梨のゼリーと焼き菓子の箱を、贈答に選ばれるデザインに一新したい。',
    skills: ['design', 'packaging', 'branding'],
    municipalityCode: '31370',
    monthlyFeeJpy: 45_000,
    hoursPerMonth: 12,
    remote: 'hybrid',
    durationMonths: 3,
    applicants: [
      {
        who: 'kanagawa-photographer',
        on: '2025-02-18',
        proposal: '商品写真の撮影と、箱のデザインの方向づけをお手伝いします。',
        outcome: 'withdrawn',
        decided: '2025-03-05',
      },
      {
        who: 'osaka-designer',
        on: '2025-02-28',
        proposal: '贈答品のパッケージを10年手がけています。3か月で新しい箱を仕上げます。',
        outcome: 'accepted',
        decided: '2025-03-21',
        paid: { first: '2025-04-01', months: 3 },
      },
    ],
  },
  {
    key: 'history-yurihama-cycling-english',
    firm: 'yurihama-cycling',
    published: '2025-04-08',
    closed: '2025-05-20',
    title: 'サイクリングマップと予約ページの英語化',
    summary:
      '東郷湖一周のサイクリングを海外の旅行者にも。マップ、予約ページ、SNSの英語版を作り、運用してください。',
    skills: ['translation', 'inbound', 'sns'],
    municipalityCode: '31370',
    monthlyFeeJpy: 30_000,
    hoursPerMonth: 10,
    remote: 'full',
    durationMonths: 18,
    shortTime: true,
    applicants: [
      {
        who: 'no-home-translator',
        on: '2025-04-15',
        proposal: '旅行記事の英訳と中国語訳の経験があります。月10時間で継続して運用します。',
        outcome: 'accepted',
        decided: '2025-05-19',
        paid: { first: '2025-06-02', months: 13 },
      },
      {
        who: 'osaka-translator',
        on: '2025-04-22',
        proposal: '観光の英訳を週末にお手伝いします。',
        outcome: 'declined',
        decided: '2025-05-19',
      },
    ],
  },
  {
    key: 'history-kurayoshi-export',
    firm: 'kurayoshi-brewery',
    published: '2025-05-12',
    closed: '2025-06-10',
    title: '地酒の海外向けネット販売（台湾・香港）',
    summary: '倉吉の白壁土蔵の酒蔵です。台湾・香港向けの越境ECを立ち上げ、現地の販路を探してください。',
    skills: ['export', 'ec', 'marketing'],
    municipalityCode: '31203',
    monthlyFeeJpy: 70_000,
    hoursPerMonth: 20,
    remote: 'full',
    durationMonths: 6,
    applicants: [
      {
        who: 'kyoto-brewer',
        on: '2025-05-16',
        proposal: '酒蔵の海外営業をしています。まず台湾の輸入業者との商談から始めます。',
        outcome: 'accepted',
        decided: '2025-06-09',
        paid: { first: '2025-07-01', months: 7 },
      },
    ],
  },
  {
    key: 'history-yurihama-ryokan-accounting',
    firm: 'yurihama-ryokan',
    published: '2025-06-03',
    closed: '2025-07-15',
    title: '旅館の経理をクラウド会計へ（月次決算の早期化）',
    summary: '手書きの伝票と表計算で回している経理をクラウド会計に移し、月次決算を早めたい。',
    skills: ['accounting', 'dx'],
    municipalityCode: '31370',
    monthlyFeeJpy: 60_000,
    hoursPerMonth: 16,
    remote: 'full',
    durationMonths: 24,
    applicants: [
      {
        who: 'osaka-accountant',
        on: '2025-06-10',
        proposal: '宿泊業のクラウド会計導入を8件支援しました。移行後の月次も伴走します。',
        outcome: 'accepted',
        decided: '2025-07-14',
        paid: { first: '2025-08-01', months: 16 },
      },
    ],
  },
  {
    key: 'history-yurihama-sweets-furusato',
    firm: 'yurihama-sweets',
    published: '2025-07-01',
    closed: '2025-08-06',
    title: 'ふるさと納税 返礼品ページの文章と写真の改善',
    summary:
      '梨菓子の返礼品ページの文章と写真を見直し、寄附を増やしたい。（応募の後、今季は店内で対応することにしました）',
    skills: ['furusato-nozei', 'writing'],
    municipalityCode: '31370',
    monthlyFeeJpy: 35_000,
    hoursPerMonth: 10,
    remote: 'full',
    durationMonths: 4,
    shortTime: true,
    applicants: [
      {
        who: 'fukuoka-writer',
        on: '2025-07-08',
        proposal: '地域の食の魅力を伝える文章を書いています。',
        outcome: 'declined',
        decided: '2025-08-05',
      },
      {
        who: 'okayama-writer',
        on: '2025-07-15',
        proposal: '返礼品ページを20件以上書いてきました。',
        outcome: 'declined',
        decided: '2025-08-05',
      },
    ],
  },
  // September 2025: the Yurihama tour (demo-events.ts). Four of its five apply within the year.
  {
    key: 'history-yurihama-ryokan-rebranding',
    firm: 'yurihama-ryokan',
    published: '2025-10-01',
    closed: '2025-11-11',
    title: '開業60年の旅館のリブランディング（ロゴと館内サイン）',
    summary:
      '還暦を迎える宿の顔を新しくしたい。ロゴ、館内サイン、ウェブサイトの見た目を一緒に考えてください。',
    skills: ['design', 'branding'],
    municipalityCode: '31370',
    monthlyFeeJpy: 70_000,
    hoursPerMonth: 20,
    remote: 'hybrid',
    durationMonths: 6,
    applicants: [
      {
        who: 'kanagawa-designer',
        on: '2025-10-06',
        proposal: '9月のツアーで泊まった宿です。湖の景色を生かしたブランドを半年で作ります。',
        outcome: 'accepted',
        decided: '2025-11-10',
        paid: { first: '2025-12-01', months: 6 },
      },
      {
        who: 'tottori-city-designer',
        on: '2025-10-09',
        proposal: '県内の宿のロゴを手がけています。近いので打ち合わせに何度でも伺えます。',
        outcome: 'declined',
        decided: '2025-11-10',
      },
    ],
  },
  {
    key: 'history-yurihama-cycling-booking',
    firm: 'yurihama-cycling',
    published: '2025-10-14',
    closed: '2025-11-18',
    title: 'レンタサイクルの予約と在庫のDX',
    summary: '電話と紙の台帳で受けている予約を、オンライン予約と在庫管理に切り替えたい。',
    skills: ['dx', 'data'],
    municipalityCode: '31370',
    monthlyFeeJpy: 80_000,
    hoursPerMonth: 20,
    remote: 'full',
    durationMonths: 12,
    applicants: [
      {
        who: 'tokyo-engineer',
        on: '2025-10-20',
        proposal: '予約と在庫のSaaSを作っています。既製のツールを組み合わせて3か月で稼働させます。',
        outcome: 'accepted',
        decided: '2025-11-17',
        paid: { first: '2025-12-05', months: 12 },
      },
    ],
  },
  {
    key: 'history-yurihama-sweets-ec',
    firm: 'yurihama-sweets',
    published: '2025-11-04',
    closed: '2025-12-16',
    title: '梨菓子のネット販売とSNSでの販路開拓',
    summary: '店頭と道の駅だけで売っている梨菓子を、ネットとSNSで全国に届けたい。',
    skills: ['ec', 'sns', 'marketing'],
    municipalityCode: '31370',
    monthlyFeeJpy: 50_000,
    hoursPerMonth: 15,
    remote: 'full',
    durationMonths: 12,
    applicants: [
      {
        who: 'hyogo-marketer',
        on: '2025-11-08',
        proposal: 'ツアーで工房を訪ねました。食品のネット販売の立ち上げを3社で経験しています。',
        outcome: 'accepted',
        decided: '2025-12-15',
        paid: { first: '2026-01-05', months: 11 },
      },
      {
        who: 'no-home-planner',
        on: '2025-11-12',
        proposal: '商品企画とSNS運用を副業で手伝っています。',
        outcome: 'declined',
        decided: '2025-12-15',
      },
    ],
  },
  {
    key: 'history-yurihama-ryokan-hiring',
    firm: 'yurihama-ryokan',
    published: '2026-01-13',
    closed: '2026-02-17',
    title: '繁忙期の仲居・調理補助の採用計画づくり',
    summary: '夏と蟹の季節に人が足りません。季節雇用の募集と受け入れの計画を立ててください。',
    skills: ['hiring', 'planning'],
    municipalityCode: '31370',
    monthlyFeeJpy: 40_000,
    hoursPerMonth: 12,
    remote: 'full',
    durationMonths: 3,
    shortTime: true,
    applicants: [
      {
        who: 'saitama-hr',
        on: '2026-01-19',
        proposal: 'ツアーでお話を伺いました。中小企業の採用支援をしています。',
        outcome: 'declined',
        decided: '2026-02-16',
      },
      {
        who: 'hiroshima-hr',
        on: '2026-01-22',
        proposal: '旅館の季節雇用の採用計画を何度も作ってきました。3か月で仕組みにします。',
        outcome: 'accepted',
        decided: '2026-02-16',
        paid: { first: '2026-03-02', months: 3 },
      },
    ],
  },
  {
    key: 'history-yurihama-cycling-maintenance',
    firm: 'yurihama-cycling',
    published: '2026-03-02',
    closed: '2026-03-24',
    title: 'サイクリング拠点の整備計画と点検記録のデジタル化',
    summary: '自転車の点検記録を紙からタブレットに移し、部品の在庫と整備の計画を立てられるようにしたい。',
    skills: ['dx', 'manufacturing'],
    municipalityCode: '31370',
    monthlyFeeJpy: 55_000,
    hoursPerMonth: 15,
    remote: 'hybrid',
    durationMonths: 6,
    applicants: [
      {
        who: 'aichi-engineer',
        on: '2026-03-05',
        proposal: '工場の設備保全のデジタル化を担当しています。ツアーで見た拠点の課題に取り組みます。',
        outcome: 'accepted',
        decided: '2026-03-23',
        paid: { first: '2026-04-01', months: 6 },
      },
    ],
  },
  {
    key: 'history-kurayoshi-brewery-tour',
    firm: 'kurayoshi-brewery',
    published: '2026-04-06',
    closed: '2026-05-12',
    title: '酒蔵見学ツアーとSNS発信の企画',
    summary: '白壁土蔵群を訪れる人に酒蔵にも寄ってもらいたい。見学ツアーの企画とSNSでの発信をお願いします。',
    skills: ['planning', 'sns', 'pr'],
    municipalityCode: '31203',
    monthlyFeeJpy: 40_000,
    hoursPerMonth: 12,
    remote: 'hybrid',
    durationMonths: 12,
    applicants: [
      {
        who: 'tokyo-pr',
        on: '2026-04-10',
        proposal: '湯梨浜の宿の広報を手伝った経験を、倉吉でも生かします。',
        outcome: 'accepted',
        decided: '2026-05-11',
        paid: { first: '2026-06-01', months: 6 },
      },
      {
        who: 'osaka-translator',
        on: '2026-04-15',
        proposal: '外国人向けの見学案内を英語で作ります。',
        outcome: 'declined',
        decided: '2026-05-11',
      },
    ],
  },
  {
    key: 'history-yurihama-sweets-production',
    firm: 'yurihama-sweets',
    published: '2026-06-01',
    closed: '2026-07-14',
    title: '梨の加工場の生産計画と衛生管理の仕組みづくり',
    summary: 'ネット販売が伸びて加工場が手一杯です。生産計画と衛生管理の記録を整えてください。',
    skills: ['manufacturing', 'planning', 'dx'],
    municipalityCode: '31370',
    monthlyFeeJpy: 60_000,
    hoursPerMonth: 16,
    remote: 'hybrid',
    durationMonths: 6,
    applicants: [
      {
        who: 'hyogo-it',
        on: '2026-06-08',
        proposal: '食品工場の生産管理を担当しています。HACCPの記録づくりもお手伝いします。',
        outcome: 'accepted',
        decided: '2026-07-13',
        paid: { first: '2026-08-03', months: 4 },
      },
    ],
  },
  {
    key: 'history-yurihama-ryokan-winter',
    firm: 'yurihama-ryokan',
    published: '2026-09-01',
    closed: '2026-10-31',
    title: '冬の蟹と温泉の宿泊プラン企画',
    summary: '冬の平日の稼働を上げたい。蟹と温泉を組み合わせた宿泊プランと、その売り方を考えてください。',
    skills: ['marketing', 'planning'],
    municipalityCode: '31370',
    monthlyFeeJpy: 40_000,
    hoursPerMonth: 10,
    remote: 'full',
    durationMonths: 3,
    shortTime: true,
    applicants: [],
  },
];

const TOTTORI_STAFF = 'staff@demo.kakehashi.jp';

/** Seminars of the history (the tours are in demo-events.ts): online attendance, and a few at the venue. */
export const historyEvents: PastEvent[] = [
  {
    key: 'history-yurihama-online-2025',
    staff: TOTTORI_STAFF,
    kind: 'seminar',
    title: '湯梨浜町 副業・兼業で町の企業と働く 説明会（会場＋オンライン）',
    description: '町の企業が副業人材に頼みたい仕事と、応募から契約までの流れを紹介した説明会でした。',
    municipalityCode: '31370',
    venueName: '湯梨浜町中央公民館',
    starts: { date: '2025-03-08', time: '14:00' },
    ends: { date: '2025-03-08', time: '16:00' },
    deadline: { date: '2025-03-06', time: '17:00' },
    venueCapacity: 20,
    onlineCapacity: 50,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: 'osaka-translator', attendance: 'online', outcome: 'checked_in' },
      { who: 'fukuoka-writer', attendance: 'online', outcome: 'checked_in' },
      { who: 'no-home-planner', attendance: 'online', outcome: 'checked_in' },
      { who: 'kanagawa-photographer', attendance: 'online', outcome: 'checked_in' },
      { who: 'hyogo-hotelier', attendance: 'online', outcome: 'checked_in' },
      { who: 'tottori-local', attendance: 'venue', outcome: 'checked_in' },
      { who: 'saitama-hr', attendance: 'online', outcome: 'no_show' },
    ],
  },
  {
    key: 'history-tottori-seminar-2025',
    staff: TOTTORI_STAFF,
    kind: 'seminar',
    title: '鳥取県 関係人口セミナー「週末だけ、鳥取の企業と」（会場＋オンライン）',
    description: '県内の企業と都市部の副業人材が、鳥取市の会場とオンラインで出会ったセミナーでした。',
    municipalityCode: '31201',
    venueName: 'とりぎん文化会館 第1会議室',
    starts: { date: '2025-06-21', time: '13:30' },
    ends: { date: '2025-06-21', time: '16:00' },
    deadline: { date: '2025-06-19', time: '17:00' },
    venueCapacity: 30,
    onlineCapacity: 100,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: 'tokyo-engineer', attendance: 'online', outcome: 'checked_in' },
      { who: 'osaka-accountant', attendance: 'online', outcome: 'checked_in' },
      { who: 'hiroshima-hr', attendance: 'online', outcome: 'checked_in' },
      { who: 'no-home-translator', attendance: 'online', outcome: 'checked_in' },
      { who: 'kyoto-brewer', attendance: 'online', outcome: 'checked_in' },
      { who: 'tottori-city-designer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'tottori-local', attendance: 'venue', outcome: 'checked_in' },
      { who: 'fukuoka-writer', attendance: 'online', outcome: 'cancelled' },
    ],
  },
  {
    key: 'history-yurihama-seminar-2026',
    staff: TOTTORI_STAFF,
    kind: 'seminar',
    title: '湯梨浜町 副業人材と町の企業 活用事例報告会（会場＋オンライン）',
    description: '旅館、菓子工房、レンタサイクルの経営者と副業人材が、この一年の取り組みを報告しました。',
    municipalityCode: '31370',
    venueName: 'ハワイアロハホール 小ホール',
    starts: { date: '2026-02-21', time: '14:00' },
    ends: { date: '2026-02-21', time: '16:30' },
    deadline: { date: '2026-02-19', time: '17:00' },
    venueCapacity: 30,
    onlineCapacity: 60,
    feeJpy: 0,
    selection: 'first_come',
    childcare: false,
    attendance: [
      { who: 'tottori-city-designer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'okayama-writer', attendance: 'venue', outcome: 'checked_in' },
      { who: 'tottori-local', attendance: 'venue', outcome: 'checked_in' },
      { who: 'osaka-designer', attendance: 'online', outcome: 'checked_in' },
      { who: 'hiroshima-hr', attendance: 'online', outcome: 'checked_in' },
      { who: 'no-home-planner', attendance: 'online', outcome: 'checked_in' },
      { who: 'saitama-hr', attendance: 'online', outcome: 'checked_in' },
      { who: 'hyogo-hotelier', attendance: 'online', outcome: 'checked_in' },
    ],
  },
];

/** The history's last month: what is paid for it is still running. */
const LAST_MONTH = '2026-11';
/** The platform fee the demo settings have had all along (demo-data.ts). */
const PLATFORM_FEE_PERCENT = 10;

/** An instant of a day at a time in Japan, as the table keeps it (UTC ISO). */
const at = (day: Day, time = '10:00') => new Date(`${day}T${time}:00+09:00`).toISOString();
/** The same day `n` months later (the history's days are all ≤ 28th). */
const monthsAfter = (day: Day, n: number) => `${addMonths(day.slice(0, 7), n)}${day.slice(7)}` as Day;
const daysBefore = (day: Day, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10) as Day;

const ignoreExisting = (error: Error) => {
  if (error.name !== 'ConditionalCheckFailedException' && error.name !== 'TransactionCanceledException')
    throw error;
};

/** A profile-only user, written once (the stream's lookups find them before any of their ties). */
async function putProfile(profile: Profile, createdAt: string): Promise<void> {
  await db()
    .send(
      new PutCommand({
        TableName: tableName(),
        Item: userItem(profile, createdAt),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    )
    .catch(ignoreExisting);
}

type People = Map<string, Profile>;

/** The month-by-month ledger rows and the engagement of an accepted applicant, as the webhooks leave them. */
function engagementOf(
  project: Project,
  application: Application,
  a: Extract<HistoryApplicant, { outcome: 'accepted' }>,
  pro: Profile,
  s: Seeding,
): { engagement: Engagement; rows: LedgerRow[] } {
  const engagementId = s.demoId(`engagement:${project.id}:${a.who}`);
  const rows: LedgerRow[] = Array.from({ length: a.paid.months }, (_, i) => {
    const periodStart = at(monthsAfter(a.paid.first, i));
    const paidAt = new Date(Date.parse(periodStart) + 60_000).toISOString();
    const gross = project.monthlyFeeJpy;
    return {
      engagementId,
      invoiceId: `in_demo${s.demoId(`invoice:${engagementId}:${i}`).replaceAll('-', '').slice(0, 20)}`,
      professionalId: application.professionalId,
      firmId: project.firmId,
      title: project.title,
      firmName: project.organizationName,
      workType: project.skills[0] ?? 'other',
      status: 'paid',
      periodStart,
      periodEnd: at(monthsAfter(a.paid.first, i + 1)),
      at: paidAt,
      hostedInvoiceUrl: null,
      ...splitPayment(gross, platformFeeJpy(gross, PLATFORM_FEE_PERCENT)),
      createdAt: paidAt,
      updatedAt: paidAt,
    };
  });
  const last = rows.at(-1) as LedgerRow;
  // Paid for the history's last month: still running (its next renewal is due); otherwise it has ended.
  const running = last.periodStart.slice(0, 7) === LAST_MONTH;
  const engagement: Engagement = {
    id: engagementId,
    applicationId: application.id,
    projectId: project.id,
    firmId: project.firmId,
    professionalId: application.professionalId,
    title: project.title,
    monthlyFeeJpy: project.monthlyFeeJpy,
    hoursPerMonth: project.hoursPerMonth,
    durationMonths: project.durationMonths,
    platformFeePercent: PLATFORM_FEE_PERCENT,
    workType: project.skills[0] ?? 'other',
    firmName: project.organizationName,
    professionalName: pro.role === 'professional' ? pro.displayName : '—',
    state: running ? 'active' : 'ended',
    currentPeriodStart: last.periodStart,
    currentPeriodEnd: last.periodEnd,
    cancelAtPeriodEnd: false,
    version: 0,
    createdAt: at(a.decided),
    updatedAt: running ? last.at : last.periodEnd,
  };
  return { engagement, rows };
}

/**
 * One project's life: published, applied to, decided (an acceptance with its engagement, in one transaction as
 * the product does it), paid month by month, closed. Each step is conditional, so a seeding cut short resumes.
 */
async function seedProject(demo: HistoryProject, s: Seeding, people: People, firms: People): Promise<void> {
  const { key, firm: firmKey, published, closed, applicants, ...fields } = demo;
  const id = s.demoId(key);
  const existing = await projects.get(id);
  if (existing?.status === 'closed') return;
  const firm = firms.get(firmKey);
  if (firm?.role !== 'firm') throw new Error(`history project ${key}: no firm ${firmKey}`);
  const input = ProjectInput.parse({ workType: 'other', ...fields });
  const publishedAt = at(published, '09:00');
  const project: Project = {
    ...input,
    id,
    firmId: firm.userId,
    organizationName: firm.organizationName,
    prefectureCode: input.municipalityCode.slice(0, 2),
    shortTime: input.shortTime ?? false,
    status: 'open',
    applicantCount: 0,
    createdAt: at(daysBefore(published, 3), '09:00'),
    updatedAt: publishedAt,
    publishedAt,
  };
  if (!existing) await projects.create(project).catch(ignoreExisting);

  for (const a of applicants) {
    const pro = people.get(a.who);
    if (pro?.role !== 'professional') throw new Error(`history project ${key}: nobody is ${a.who}`);
    const application: Application = {
      id: s.demoId(`application:${key}:${a.who}`),
      projectId: id,
      firmId: firm.userId,
      professionalId: pro.userId,
      proposal: a.proposal,
      status: 'submitted',
      createdAt: at(a.on, '21:00'),
      updatedAt: at(a.on, '21:00'),
    };
    await applications.submit(application).catch(ignoreExisting);
    if (a.outcome === 'accepted') {
      const { engagement, rows } = engagementOf(project, application, a, pro, s);
      await engagements.startFromAcceptance(application, engagement).catch(ignoreExisting);
      // One row per invoice, each its own item (a paid row is kept as it is).
      await Promise.all(rows.map((row) => ledger.record(row)));
      // Each paid month's documents, issued as at the payment.
      await Promise.all(rows.map((row) => issueMonthDocuments(engagement, [row], row.at)));
    } else {
      await applications.move(application, a.outcome, at(a.decided)).catch(ignoreExisting);
    }
  }

  const read = await projects.get(id);
  if (read?.status === 'open') {
    const closedAt = at(closed, '18:00');
    await projects.replace({ ...read, status: 'closed', closedAt, updatedAt: closedAt }, read);
  }
}

/** The two years of Tottori history. Runs after seedEvents (whose past attendees it reuses). */
export async function seedHistory(s: Seeding): Promise<void> {
  const joined = at('2024-12-01', '12:00');
  const people: People = new Map();
  for (const p of [...pastAttendees, ...historyPeople]) {
    const profile = {
      ...ProfileInput.parse(p.profile),
      userId: s.demoId(`attendee:${p.key}`),
      email: `${p.key}@attendee.demo.kakehashi.jp`,
    } as Profile;
    people.set(p.key, profile);
  }
  const firms: People = new Map(
    historyFirms.map((f) => [
      f.key,
      {
        ...ProfileInput.parse(f.profile),
        userId: s.demoId(`firm:${f.key}`),
        email: `${f.key}@firm.demo.kakehashi.jp`,
      } as Profile,
    ]),
  );
  // Profiles first: a tie is counted by who its person is when the stream reads it.
  await Promise.all(
    [...historyPeople.map((p) => people.get(p.key)), ...firms.values()].map((profile) =>
      putProfile(profile as Profile, joined),
    ),
  );
  const attendees = new Map([...people].map(([k, p]) => [k, p.userId]));
  await Promise.all([
    ...historyProjects.map((demo) => seedProject(demo, s, people, firms)),
    ...historyEvents.map((demo) => seedPast(demo, s, attendees)),
  ]);
}
