import type { ProjectInput } from '#shared/projects/rules.ts';

/** The demo projects `npm start` seeds: realistic work carved out by the demo firms. */
export type DemoProject = Omit<ProjectInput, 'workType' | 'feeTax'> & {
  /** `other` unless given: most demo work (EC, DX, accounting) is not a kind 源泉徴収 lists. */
  workType?: ProjectInput['workType'];
  key: string;
  firm: string;
  status: 'open' | 'draft';
  daysAgo: number;
  /** `retainer`: the firm accepts this one and pays its first month, so the demo has a running engagement. */
  applicants?: { pro: string; proposal: string; retainer?: true }[];
};

export const demoProjects: DemoProject[] = [
  {
    key: 'yurihama-ec',
    firm: 'firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 2,
    title: '二十世紀梨のECサイト立ち上げと運用設計',
    summary:
      '直売所と電話注文が中心の梨園です。自社ECサイトを立ち上げ、収穫期の受注から発送までをオンラインで回せる仕組みを一緒に作ってください。',
    challenge: '注文の7割が電話とFAX。収穫期は受注処理で手が回らない。',
    deliverables: 'ECサイトの構築方針、商品ページ、受注・発送フロー、運用マニュアル',
    skills: ['ec', 'marketing', 'dx'],
    municipalityCode: '31370',
    monthlyFeeJpy: 60_000,
    hoursPerMonth: 20,
    remote: 'hybrid',
    durationMonths: 6,
    startMonth: '2027-01',
    applicants: [
      {
        pro: 'pro@demo.kakehashi.jp',
        proposal:
          'EC立ち上げを3社で経験しています。まず受注の流れを見える化し、3か月で自社ECを開店させます。',
      },
    ],
  },
  {
    key: 'yurihama-furusato',
    firm: 'firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 5,
    title: 'ふるさと納税の返礼品企画（梨の加工品）',
    summary:
      '規格外の梨を使った加工品を、湯梨浜町のふるさと納税の返礼品として企画・申請します。商品企画と寄附者向けページの文章をお願いします。',
    skills: ['furusato-nozei', 'marketing'],
    municipalityCode: '31370',
    monthlyFeeJpy: 40_000,
    hoursPerMonth: 12,
    remote: 'full',
    durationMonths: 4,
    shortTime: true,
    applicants: [
      {
        pro: 'pro2@demo.kakehashi.jp',
        proposal: '返礼品の企画と寄附者向けの文章を、月12時間・リモートでお手伝いします。',
        retainer: true,
      },
    ],
  },
  {
    key: 'amami-shochu-export',
    firm: 'amami-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 1,
    title: '黒糖焼酎の海外向けマーケティング',
    summary:
      '奄美の黒糖焼酎を台湾・香港に届けたい。現地の販路調査とSNS発信の計画づくり、英語・中国語の商品説明の監修をお願いします。',
    skills: ['marketing', 'sns', 'export'],
    municipalityCode: '46222',
    monthlyFeeJpy: 80_000,
    hoursPerMonth: 25,
    remote: 'full',
    durationMonths: 6,
    applicants: [
      {
        pro: 'pro@demo.kakehashi.jp',
        proposal: '越境ECとSNS広告の運用経験があります。まず台湾の市場調査から始めます。',
      },
    ],
  },
  {
    key: 'amami-hiring',
    firm: 'amami-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 12,
    title: '蔵人の採用計画と求人ページ作り',
    summary:
      '島外から蔵人を迎えたい。採用ターゲットの整理、求人票と採用ページの作成、オンライン面接の進め方を一緒に考えてください。',
    skills: ['hiring', 'writing'],
    municipalityCode: '46222',
    monthlyFeeJpy: 50_000,
    hoursPerMonth: 16,
    remote: 'full',
    durationMonths: 3,
    applicants: [
      { pro: 'pro2@demo.kakehashi.jp', proposal: '採用支援を10社以上。島外採用の訴求軸づくりが得意です。' },
    ],
  },
  {
    key: 'minowa-dx',
    firm: 'minowa-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 3,
    title: '町工場の生産管理DX（紙の日報からの脱却）',
    summary:
      '精密部品の町工場です。紙の作業日報と表計算で管理している生産計画を、クラウドのツールに移したい。ツール選定から現場への定着まで伴走してください。',
    challenge: '日報の集計に毎週半日かかり、納期遅れの兆しに気づけない。',
    skills: ['dx', 'data', 'manufacturing'],
    municipalityCode: '20383',
    monthlyFeeJpy: 100_000,
    hoursPerMonth: 30,
    remote: 'hybrid',
    durationMonths: 12,
  },
  {
    key: 'minowa-accounting',
    firm: 'minowa-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 20,
    title: 'クラウド会計への移行と月次決算の早期化',
    summary:
      '経理担当が一人。クラウド会計への移行と、月次決算を10営業日から5営業日に縮める仕組みづくりを支援してください。',
    skills: ['accounting', 'dx'],
    municipalityCode: '20383',
    monthlyFeeJpy: 70_000,
    hoursPerMonth: 20,
    remote: 'full',
    durationMonths: 6,
    applicants: [
      { pro: 'pro2@demo.kakehashi.jp', proposal: '税理士としてクラウド会計の導入を20社以上支援しました。' },
    ],
  },
  {
    key: 'ise-shorttime-sns',
    firm: 'ise-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 4,
    title: '【短時間OK】干物店のInstagram運用',
    summary:
      '週に数時間でかまいません。伊勢の干物店のInstagramの投稿計画と撮影のコツを教えてください。子育て中の方、短時間で働きたい方を歓迎します。',
    skills: ['sns', 'marketing'],
    municipalityCode: '24203',
    monthlyFeeJpy: 30_000,
    hoursPerMonth: 10,
    remote: 'full',
    durationMonths: 6,
    shortTime: true,
  },
  {
    key: 'ise-ec',
    firm: 'ise-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 9,
    title: 'ネットショップの商品ページ改善',
    summary: '既存のネットショップの転換率を上げたい。商品写真、説明文、送料設定の見直しを提案してください。',
    skills: ['ec', 'design'],
    municipalityCode: '24203',
    monthlyFeeJpy: 45_000,
    hoursPerMonth: 15,
    remote: 'full',
    durationMonths: 3,
  },
  {
    key: 'fujisato-furusato',
    firm: 'fujisato-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 6,
    title: '白神山地の町のふるさと納税 返礼品の磨き上げ',
    summary:
      '藤里町役場の企画課です。返礼品の写真と紹介文を見直し、寄附者に選ばれるページにしたい。事業者への聞き取りにも同行していただきます（年2回程度の来町）。',
    skills: ['furusato-nozei', 'writing', 'design'],
    municipalityCode: '05346',
    monthlyFeeJpy: 50_000,
    hoursPerMonth: 20,
    remote: 'hybrid',
    durationMonths: 12,
  },
  {
    key: 'fujisato-relocation',
    firm: 'fujisato-firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 15,
    title: '移住・関係人口の発信戦略',
    summary:
      '町を知ってもらうための発信戦略を立て、ウェブサイトとSNSの運用を設計します。現地ツアーの企画にも関わってください。',
    skills: ['marketing', 'sns', 'planning'],
    municipalityCode: '05346',
    monthlyFeeJpy: 60_000,
    hoursPerMonth: 20,
    remote: 'onsite',
    durationMonths: 6,
  },
  {
    key: 'yurihama-hiring',
    firm: 'firm@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 30,
    title: '繁忙期アルバイトの採用と受け入れ体制づくり',
    summary:
      '収穫期の短期アルバイトを安定して確保したい。募集媒体の選定、受け入れマニュアル、シフト管理の仕組みを整えてください。',
    skills: ['hiring', 'dx'],
    municipalityCode: '31370',
    monthlyFeeJpy: 35_000,
    hoursPerMonth: 10,
    remote: 'full',
    durationMonths: 3,
    shortTime: true,
  },
  {
    // Taken by the Minowa team (./demo-team.ts): a director and four members share it, each paid their share.
    key: 'minowa-team-events',
    firm: 'minowa-town@demo.kakehashi.jp',
    status: 'open',
    daysAgo: 40,
    title: '赤そばの里まつりと町イベントの企画運営・事務作業（チーム歓迎）',
    summary:
      '町の年間イベントの企画から、申込受付・データ入力・SNS発信・当日運営までを毎月まとめてお願いします。ディレクターが仕事を分け、子育て中の方も自分の時間で関われるチームでの受託を歓迎します。',
    deliverables: '月次の企画書、申込データの集計、SNS投稿、当日運営の人員計画',
    skills: ['event-planning', 'data-entry', 'sns'],
    municipalityCode: '20383',
    monthlyFeeJpy: 300_000,
    hoursPerMonth: 120,
    remote: 'hybrid',
    durationMonths: 12,
    welcomesTeams: true,
  },
  {
    key: 'minowa-draft',
    firm: 'minowa-firm@demo.kakehashi.jp',
    status: 'draft',
    daysAgo: 0,
    title: '工場見学ツアーの企画（下書き）',
    summary: '地域の小中学生と企業向けの工場見学ツアーを企画したい。',
    skills: ['planning'],
    municipalityCode: '20383',
    monthlyFeeJpy: 30_000,
    hoursPerMonth: 8,
    remote: 'onsite',
    durationMonths: 2,
  },
];
