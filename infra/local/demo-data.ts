import type { ProfileInput } from '#shared/accounts/rules.ts';

/** The demo accounts `npm start` creates (also listed in the README). Local only: never deployed. */
export const DEMO_PASSWORD = 'kakehashi-demo-2026';

export type DemoAccount = {
  email: string;
  label: string;
  profile: ProfileInput & { regionCode?: string };
};

export const demoAccounts: DemoAccount[] = [
  {
    email: 'pro@demo.kakehashi.jp',
    label: 'Professional / 副業プロ人材',
    profile: {
      role: 'professional',
      displayName: '佐藤 美咲',
      headline: '東京のIT企業でマーケティングを担当。地方企業のEC立ち上げを応援します。',
      skills: ['marketing', 'ec', 'dx'],
      yearsOfExperience: 9,
      homePrefectureCode: '13',
      regionsOfInterest: [
        { regionCode: '31', ties: ['hometown'] },
        { regionCode: 'amami', ties: ['interest'] },
      ],
      hoursPerMonth: 20,
      workStyle: 'remote',
    },
  },
  {
    email: 'pro2@demo.kakehashi.jp',
    label: 'Professional / 副業プロ人材 (accounting)',
    profile: {
      role: 'professional',
      displayName: '高橋 健太',
      headline: '大阪の会計事務所勤務の税理士。クラウド会計の導入と採用支援が得意です。',
      skills: ['accounting', 'hiring', 'dx'],
      yearsOfExperience: 12,
      homePrefectureCode: '27',
      regionsOfInterest: [{ regionCode: '24203', ties: ['furusato_donor'] }],
      hoursPerMonth: 15,
      workStyle: 'hybrid',
      // A registered issuer (a fictitious number): the firm's documents for his fee are qualified invoices.
      qualifiedInvoiceIssuer: true,
      invoiceRegistrationNumber: 'T8123456789012',
    },
  },
  {
    email: 'firm@demo.kakehashi.jp',
    label: 'Firm in Yurihama / 湯梨浜町の企業',
    profile: {
      role: 'firm',
      displayName: '山本 健一',
      organizationName: '株式会社ゆりはま梨園',
      municipalityCode: '31370',
      industry: '農業・食品',
      size: '10-49',
      invoiceRegistrationNumber: 'T1234567890123',
      billingContact: { name: '山本 健一', email: 'billing@yurihama-nashien.example' },
    },
  },
  {
    email: 'staff@demo.kakehashi.jp',
    label: 'Tottori prefecture staff / 鳥取県 職員',
    profile: { role: 'region_staff', displayName: '鳥取県 関係人口推進室', regionCode: '31' },
  },
  {
    email: 'amami-staff@demo.kakehashi.jp',
    label: 'Amami Islands staff / 奄美群島広域事務組合 職員',
    profile: { role: 'region_staff', displayName: '奄美群島広域事務組合 交流推進係', regionCode: 'amami' },
  },
  {
    email: 'minowa-staff@demo.kakehashi.jp',
    label: 'Minowa town staff / 箕輪町 職員',
    profile: { role: 'region_staff', displayName: '箕輪町 産業振興課', regionCode: '20383' },
  },
  {
    email: 'ise-staff@demo.kakehashi.jp',
    label: 'Ise city staff / 伊勢市 職員',
    profile: { role: 'region_staff', displayName: '伊勢市 商工労働課', regionCode: '24203' },
  },
  {
    email: 'operator@demo.kakehashi.jp',
    label: 'Operator / 運営',
    profile: { role: 'operator', displayName: '架け橋 運営事務局' },
  },
  {
    email: 'amami-firm@demo.kakehashi.jp',
    label: 'Firm in Amami / 奄美市の企業',
    profile: {
      role: 'firm',
      displayName: '大島 里美',
      organizationName: '奄美黒糖焼酎 島の蔵',
      municipalityCode: '46222',
      industry: '酒類製造',
      size: '10-49',
    },
  },
  {
    email: 'minowa-firm@demo.kakehashi.jp',
    label: 'Firm in Minowa / 箕輪町の企業',
    profile: {
      role: 'firm',
      displayName: '唐澤 誠',
      organizationName: '箕輪精密工業株式会社',
      municipalityCode: '20383',
      industry: '製造業',
      size: '50-299',
    },
  },
  {
    email: 'minowa-town@demo.kakehashi.jp',
    label: 'Town hall of Minowa / 箕輪町役場 (a team retainer)',
    profile: {
      role: 'firm',
      displayName: '箕輪町 商工観光課',
      organizationName: '箕輪町役場',
      municipalityCode: '20383',
      industry: '地方公共団体',
      size: '50-299',
    },
  },
  {
    email: 'minowa-director@demo.kakehashi.jp',
    label: 'Crowd director of a Minowa team / 箕輪町のクラウドディレクター',
    profile: {
      role: 'professional',
      displayName: '小松 由美',
      headline: '箕輪町出身、東京でWebディレクター。地元で育成したメンバーとチームで仕事を受けています。',
      skills: ['direction', 'event-planning', 'sns'],
      yearsOfExperience: 11,
      homePrefectureCode: '13',
      regionsOfInterest: [{ regionCode: '20383', ties: ['hometown'] }],
      hoursPerMonth: 30,
      workStyle: 'remote',
    },
  },
  ...(
    [
      ['minowa-team1', '唐木 さやか', '子育て中。平日の午前中にデータ入力と資料作成を担当します。'],
      ['minowa-team2', '向山 健二', '週末のイベント運営と会場設営が得意です。'],
      ['minowa-team3', '北沢 真理', 'SNS投稿と写真撮影。子どもの送迎の合間に作業します。'],
      ['minowa-team4', '有賀 恵', '経理事務の経験あり。申込受付と集計を担当します。'],
    ] as const
  ).map(
    ([key, displayName, headline]): DemoAccount => ({
      email: `${key}@demo.kakehashi.jp`,
      label: 'Member of the Minowa team / 箕輪町チームのメンバー',
      profile: {
        role: 'professional',
        displayName,
        headline,
        skills: ['data-entry', 'event-planning'],
        homePrefectureCode: '20',
        homeMunicipalityCode: '20383',
        hoursPerMonth: 15,
        workStyle: 'hybrid',
      },
    }),
  ),
  {
    email: 'ise-firm@demo.kakehashi.jp',
    label: 'Firm in Ise / 伊勢市の企業',
    profile: {
      role: 'firm',
      displayName: '浜口 由紀',
      organizationName: '伊勢おかげ横丁 手づくり干物店',
      municipalityCode: '24203',
      industry: '小売・観光',
      size: '1-9',
    },
  },
  {
    email: 'fujisato-firm@demo.kakehashi.jp',
    label: 'Town hall of Fujisato / 藤里町役場',
    profile: {
      role: 'firm',
      displayName: '藤里町 企画課',
      organizationName: '藤里町役場',
      municipalityCode: '05346',
      industry: '地方公共団体',
      size: '50-299',
    },
  },
];

/** The platform's settings: the default 10 % fee, a (fictitious) registration number, design work withheld. */
export const demoSettings = {
  platformFeePercent: 10,
  invoiceRegistrationNumber: 'T1234567890123',
  withholdingWorkTypes: ['design'],
};
