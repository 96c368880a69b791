/**
 * Synthetic open projects for benchmarks and demos: `seedProjects({ count })`, or from the command line
 * against a running `npm start`:
 *
 *   node scripts/seed-projects.ts 1000 [--seed 42] [--from 0] [--concurrency 4]
 *
 * (env: AWS_ENDPOINT_URL_DYNAMODB, default http://127.0.0.1:8000; TABLE_NAME, default kakehashi).
 *
 * Project number i of a seed is always the same project (same id, text, place, dates relative to `now`),
 * so seeding 1,000 and later `from: 1000` up to 100,000 gives the same catalogue as seeding 100,000 at once,
 * and seeding again overwrites instead of adding.
 *
 * The project items AND their listing entries (shared/data/entities/listing.ts: ALL, PREF#, MUNI#, SKILL#,
 * TERM#) are written directly with BatchWriteItem — the same entries the stream consumer would write, built
 * by the same `listingEntries()`, without waiting for the stream to deliver 100,000 inserts one by one.
 * Against `npm start`, whose stream poller is running, the consumer will later write the same entries again
 * (it is idempotent: nothing changes, it only costs time).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { type ListingEntry, listingEntries } from '#shared/projects/listing.entity.ts';
import { projectItem } from '#shared/projects/project.entity.ts';
import { type Project, type REMOTE_STYLES, SHORT_TIME_MAX_HOURS } from '#shared/projects/rules.ts';
import { prefectures } from '#shared/regions/data.ts';
import { municipalitiesOf } from '#shared/regions/index.ts';

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast, good-enough 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generator per (seed, project number): project i never depends on how many came before it. */
const rngFor = (seed: number, index: number) => mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ index);

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
/** `n` different elements, in the list's order. */
const pickSome = <T>(rng: Rng, list: readonly T[], n: number): T[] => {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(rng() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
};

/** Cumulative weights, searched by bisection: picking among ~1,900 municipalities stays cheap. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Places: weighted toward villages and towns and away from the big cities, as the marketplace is.

const METRO_PREFECTURES = new Set(['11', '12', '13', '14', '23', '27']);
const prefectureName = new Map(prefectures.map(([code, name]) => [code, name]));

function placeWeight(code: string, name: string): number {
  if (/区$/.test(name)) return 0.2; // a ward of a designated city
  const base = /村$/.test(name) ? 4 : /町$/.test(name) ? 3 : 1.5;
  return METRO_PREFECTURES.has(code.slice(0, 2)) ? base * 0.3 : base;
}

const pickPlace = weighted(
  prefectures
    .flatMap(([prefectureCode]) => municipalitiesOf(prefectureCode) ?? [])
    .map(({ code, name }) => [{ code, name: name.split(' ').at(-1) as string }, placeWeight(code, name)]),
);

// ---------------------------------------------------------------------------------------------------------
// Skills and the words that go with them

type Theme = { skill: string; weight: number; titles: string[]; problems: string[]; asks: string[] };

const THEMES: Theme[] = [
  {
    skill: 'dx',
    weight: 14,
    titles: [
      '受発注業務のデジタル化',
      '紙の台帳からクラウドへの移行',
      'kintone導入と業務フローの見直し',
      '社内のIT環境整備',
    ],
    problems: [
      '受注はいまも電話とFAXで、転記ミスと残業が減りません。',
      '在庫と顧客の情報が紙とExcelに散らばっています。',
      '社員の平均年齢が高く、ITに詳しい人がいません。',
    ],
    asks: [
      '業務の棚卸しからツール選定、定着までを伴走していただける方',
      '小さく始めて成果を出すDXの進め方を一緒に考えてくださる方',
    ],
  },
  {
    skill: 'marketing',
    weight: 14,
    titles: [
      '販路開拓のためのWebマーケティング戦略',
      '新商品の売り出し方の設計',
      'ブランドの再構築と発信計画',
      '首都圏向けの販促企画',
    ],
    problems: [
      '品質には自信がありますが、地元以外ではほとんど知られていません。',
      '広告を出しても効果が測れず、何が効いているのか分かりません。',
      '取引先が高齢化し、売上が年々減っています。',
    ],
    asks: [
      'ターゲットの整理から施策の優先順位づけまで一緒に考えてくださる方',
      '数字を見ながら改善を回せるマーケターの方',
    ],
  },
  {
    skill: 'ec',
    weight: 10,
    titles: [
      '自社ECサイトの立ち上げ',
      'ネットショップの売上拡大',
      'Shopifyへの移行と商品ページ改善',
      'ECモールへの出店支援',
    ],
    problems: [
      'ネットショップを開いて三年になりますが、売上が伸び悩んでいます。',
      '直販の比率を高めたいのですが、ECの運営経験者が社内にいません。',
      'カゴ落ちが多く、リピーターも増えていません。',
    ],
    asks: [
      '商品ページの改善と販促の設計をお願いできる方',
      'ECの立ち上げ経験があり、運営の仕組みまで作れる方',
    ],
  },
  {
    skill: 'sns',
    weight: 10,
    titles: [
      'Instagramの運用改善',
      'SNS発信の仕組みづくり',
      'ショート動画での情報発信',
      '観光客向けSNSキャンペーン',
    ],
    problems: [
      'SNSは担当者が片手間で投稿しており、続きません。',
      'フォロワーは増えても来店や購入につながっていません。',
    ],
    asks: [
      '投稿計画の作り方と撮影のコツを教えてくださる方',
      '運用を仕組みにして、社内で回せるようにしてくださる方',
    ],
  },
  {
    skill: 'furusato-nozei',
    weight: 8,
    titles: [
      'ふるさと納税返礼品の企画',
      'ふるさと納税ポータルの掲載ページ改善',
      '返礼品の新規開発と寄附額の拡大',
      'ふるさと納税の定期便返礼品の設計',
    ],
    problems: [
      '返礼品の寄附額が伸び悩み、掲載ページも数年前のままです。',
      '町内の事業者と新しい返礼品を作りたいのですが、進め方が分かりません。',
    ],
    asks: ['ポータルの比較と写真・文章の改善をお願いできる方', '寄附者の目線で返礼品を企画できる方'],
  },
  {
    skill: 'design',
    weight: 8,
    titles: [
      '商品パッケージのデザイン刷新',
      'ロゴとブランドガイドの制作',
      '観光パンフレットの制作',
      '店舗の販促物デザイン',
    ],
    problems: [
      'パッケージが古く、贈答用として選ばれにくいと感じています。',
      '発信物のデザインがばらばらで、統一感がありません。',
    ],
    asks: [
      'コンセプトから一緒に考え、デザインまで仕上げてくださる方',
      '地域の素材を生かしたデザインが得意な方',
    ],
  },
  {
    skill: 'hiring',
    weight: 7,
    titles: [
      '若手人材の採用広報',
      '求人票と採用ページの見直し',
      'UIターン人材の採用戦略',
      '採用面接の仕組みづくり',
    ],
    problems: ['求人を出しても応募がほとんどありません。', '若手が定着せず、三年以内に辞めてしまいます。'],
    asks: ['採用の打ち出し方から面接設計まで助言いただける方', '移住者の採用に詳しい方'],
  },
  {
    skill: 'web',
    weight: 7,
    titles: [
      'ホームページの全面リニューアル',
      'WordPressサイトの改修',
      '予約サイトの導線改善',
      '多言語対応のWebサイト制作',
    ],
    problems: [
      'ホームページが古く、スマートフォンで見にくい状態です。',
      '問い合わせフォームからの連絡がほとんどありません。',
    ],
    asks: ['構成案から制作会社との調整まで担っていただける方', '更新しやすいサイトを設計できる方'],
  },
  {
    skill: 'data',
    weight: 5,
    titles: ['販売データの分析と可視化', '顧客データを使った商品企画', '来訪者データの分析'],
    problems: [
      'POSのデータはあるのですが、活用できていません。',
      '勘と経験に頼った仕入れで、廃棄が多く出ています。',
    ],
    asks: [
      'データの整え方から分析、ダッシュボードづくりまでお願いできる方',
      '分析結果を現場が使える形にしてくださる方',
    ],
  },
  {
    skill: 'accounting',
    weight: 5,
    titles: [
      '経理業務の効率化',
      '補助金申請と事業計画書の作成',
      '資金繰り表の整備',
      'インボイス対応の見直し',
    ],
    problems: ['経理は社長が夜に一人でこなしています。', '補助金を使いたいのですが、申請書類が書けません。'],
    asks: ['月次決算の仕組みを一緒に整えてくださる方', '事業計画と数字の整理が得意な方'],
  },
  {
    skill: 'pr',
    weight: 5,
    titles: ['プレスリリースの作成と配信', 'メディア向け広報の強化', '創業記念事業の広報'],
    problems: ['良い取り組みをしていても、外に伝わっていません。'],
    asks: ['ニュースになる切り口を一緒に探してくださる方', '広報の年間計画を作れる方'],
  },
  {
    skill: 'tourism',
    weight: 5,
    titles: [
      '体験型観光プログラムの開発',
      'インバウンド向け観光商品の造成',
      '農泊の受け入れ体制づくり',
      '観光協会の誘客戦略',
    ],
    problems: ['日帰り客が中心で、宿泊につながっていません。', '海外からの問い合わせに対応できていません。'],
    asks: ['地域の資源を体験商品に磨き上げてくださる方', '旅行会社との商談経験がある方'],
  },
  {
    skill: 'sales',
    weight: 5,
    titles: ['首都圏の法人営業の立ち上げ', '卸先開拓の営業戦略', '百貨店催事への出店準備'],
    problems: ['営業は社長一人で、新規の取引先を開拓できていません。'],
    asks: ['営業リストの作り方から商談の進め方まで伴走していただける方'],
  },
  {
    skill: 'product-development',
    weight: 4,
    titles: ['規格外野菜を使った加工品開発', '地元食材の新商品開発', 'ギフト向け商品の開発'],
    problems: [
      '規格外の農産物が毎年大量に捨てられています。',
      '主力商品が一つしかなく、季節で売上が大きく変わります。',
    ],
    asks: ['試作から価格設定、販路まで一緒に考えてくださる方'],
  },
  {
    skill: 'translation',
    weight: 3,
    titles: ['観光案内の英語翻訳', '商品説明の多言語化', '海外バイヤー向け資料の翻訳'],
    problems: ['海外からの注文が増えていますが、英語で対応できる社員がいません。'],
    asks: ['英語と日本語の両方で自然な文章を書ける方'],
  },
  {
    skill: 'video',
    weight: 3,
    titles: ['会社紹介動画の企画と制作', 'YouTubeチャンネルの立ち上げ'],
    problems: ['仕事の魅力が文章と写真だけでは伝わりません。'],
    asks: ['企画から撮影・編集までお願いできる方', '撮影は社内で行い、編集と構成をお願いできる方'],
  },
  {
    skill: 'inbound',
    weight: 2,
    titles: ['訪日客の受け入れ環境整備', '海外向けOTAの掲載改善'],
    problems: ['外国人観光客は増えているのに、消費が地域に落ちていません。'],
    asks: ['インバウンドの集客と受け入れの両方に詳しい方'],
  },
];

const pickTheme = weighted(THEMES.map((t) => [t, t.weight] as const));

const INDUSTRIES: { kind: string; org: (place: string) => string; intro: string[] }[] = [
  {
    kind: '酒蔵',
    org: (p) => `${p}酒造`,
    intro: ['創業百年を超える酒蔵です。', '地元の米と水で日本酒を造っています。'],
  },
  {
    kind: '農園',
    org: (p) => `${p}農園`,
    intro: ['梨とりんごを育てている家族経営の農園です。', 'お茶の栽培から加工まで手がけています。'],
  },
  {
    kind: '水産加工会社',
    org: (p) => `${p}水産`,
    intro: ['朝獲れの魚を加工して全国に届けています。', '牡蠣の養殖と加工を営んでいます。'],
  },
  {
    kind: '旅館',
    org: (p) => `旅館${p}`,
    intro: ['温泉街で三代続く旅館です。', '客室十部屋の小さな宿を営んでいます。'],
  },
  {
    kind: '菓子店',
    org: (p) => `${p}製菓`,
    intro: ['地元の素材を使った和菓子を作っています。', '駅前で洋菓子店を営んでいます。'],
  },
  { kind: '観光協会', org: (p) => `${p}観光協会`, intro: ['町の観光案内と特産品の販売を担っています。'] },
  { kind: '製材所', org: (p) => `株式会社${p}木材`, intro: ['地域の森林を守りながら木材を加工しています。'] },
  { kind: '醤油蔵', org: (p) => `${p}醤油`, intro: ['天然醸造の醤油と味噌を造っています。'] },
  { kind: '道の駅', org: (p) => `道の駅${p}`, intro: ['年間二十万人が訪れる道の駅を運営しています。'] },
  { kind: '工務店', org: (p) => `${p}工務店`, intro: ['地元の木で家を建てる工務店です。'] },
  {
    kind: '農業法人',
    org: (p) => `合同会社${p}ファーム`,
    intro: ['若手の農家が集まって立ち上げた会社です。'],
  },
  { kind: '地域商社', org: (p) => `${p}地域商社`, intro: ['町の産品を町外へ売り込む地域商社です。'] },
];

const TITLE_PREFIXES = ['', '', '', '【急募】', '【リモート可】', '【月2回の定例】', '【副業歓迎】'];
const TITLE_SUFFIXES = ['', '', 'の支援', 'をお願いします', 'パートナー募集', 'に伴走してくださる方を募集'];
const WORK_STYLES = [
  '打ち合わせは月に二回、オンラインで行います。',
  'やり取りは主にチャットで、週に一度オンラインで進捗を確認します。',
  '初回は現地にお越しいただき、その後はリモートで進めます。',
  '年に一度は現地で社員と顔を合わせていただけると嬉しいです。',
  '平日夜や週末の稼働でも構いません。',
];
const CLOSINGS = [
  '地域の未来を一緒につくっていただける方をお待ちしています。',
  '移住や二拠点生活に関心のある方も歓迎します。',
  'この町の出身の方、ゆかりのある方は特に歓迎します。',
  '小さな会社ですが、決裁は早く、提案はすぐに試せます。',
  '',
];
const DELIVERABLES = [
  '施策の計画書と三か月分の実行',
  '改善後の商品ページと運用マニュアル',
  '月次の報告書と次の打ち手の提案',
];

/** A handful of synthetic firms own the synthetic projects; no account signs in as them. */
export const SEED_FIRM_COUNT = 12;
const firmId = (n: number) => `seed-firm-${String(n).padStart(2, '0')}`;

const DAY = 86_400_000;
/** Most side jobs are remote or mostly remote. */
const REMOTE_MIX: readonly (typeof REMOTE_STYLES)[number][] = ['full', 'full', 'hybrid', 'hybrid', 'onsite'];

/**
 * How much text a posting has.
 *  - `full`: a decorated title and a summary of five to seven sentences (≈ 160 characters), as most real
 *    postings. Its title and the start of its summary already give the 60 terms a project is indexed by
 *    (shared/search/terms.ts MAX_TERMS): ≈ 65 listing entries per project.
 *  - `brief`: the plain title and a one-line summary ("白老町の酒蔵です。"), the rest of the text in
 *    `challenge`, which is not indexed: ≈ 28 listing entries per project. Everything else (place, skills, fee,
 *    hours, dates) is the same as the `full` posting of the same number. The benchmark's 100,000-project
 *    catalogue uses it, because DynamoDB Local takes ≈ 4,600 items/s here (docs/performance.md).
 */
export type PostingStyle = 'full' | 'brief';

/** Project number `index` of `seed`, published at most a year before `now`. */
export function syntheticProject(
  seed: number,
  index: number,
  now: number,
  style: PostingStyle = 'full',
): Project {
  // Every draw is made in both styles, in the same order: only the text differs between them.
  const rng = rngFor(seed, index);
  const id = uuid(rng);
  const place = pickPlace(rng);
  const theme = pickTheme(rng);
  const skills = [theme.skill];
  const extra = between(rng, 0, 3);
  for (let i = 0; i < extra * 3 && skills.length < 1 + extra; i++) {
    const s = pickTheme(rng).skill;
    if (!skills.includes(s)) skills.push(s);
  }
  const industry = pick(rng, INDUSTRIES);
  const [prefix, plainTitle, suffix] = [
    pick(rng, TITLE_PREFIXES),
    pick(rng, theme.titles),
    pick(rng, TITLE_SUFFIXES),
  ];
  const second = THEMES.find((t) => t.skill === skills[1]);
  const where = `${prefectureName.get(place.code.slice(0, 2))}${place.name}`;
  const intro = `${where}で、${pick(rng, industry.intro)}`;
  const problems = [pick(rng, theme.problems), second ? pick(rng, second.problems) : ''];
  const ask = `${pick(rng, theme.asks)}を探しています。`;
  const rest = [...pickSome(rng, WORK_STYLES, between(rng, 1, 2)), pick(rng, CLOSINGS)];
  const challenge = rng() < 0.6 ? pick(rng, theme.problems) : undefined;
  const deliverables = rng() < 0.5 ? pick(rng, DELIVERABLES) : undefined;
  const full = style === 'full';
  const title = full ? `${prefix}${plainTitle}${suffix}` : plainTitle;
  const summary = full
    ? [intro, ...problems, ask, ...rest].join('')
    : `${place.name}の${industry.kind}です。`;
  const detail = full ? challenge : [intro, ...problems, ask, ...rest].join('');
  const shortTime = rng() < 0.15;
  const hoursPerMonth = shortTime ? between(rng, 8, SHORT_TIME_MAX_HOURS) : between(rng, 8, 60);
  const publishedMs = now - Math.floor(rng() * 365 * DAY);
  const createdMs = publishedMs - Math.floor(rng() * 14 * DAY);
  const publishedAt = new Date(publishedMs).toISOString();
  const start = new Date(publishedMs + between(rng, 0, 2) * 30 * DAY);
  return {
    id,
    firmId: firmId(between(rng, 1, SEED_FIRM_COUNT)),
    organizationName: industry.org(place.name.replace(/[市町村区]$/, '')),
    title,
    summary,
    ...(detail ? { challenge: detail } : {}),
    ...(deliverables ? { deliverables } : {}),
    skills,
    municipalityCode: place.code,
    prefectureCode: place.code.slice(0, 2),
    monthlyFeeJpy: between(rng, 6, 30) * 5_000,
    hoursPerMonth,
    remote: pick(rng, REMOTE_MIX),
    durationMonths: pick(rng, [1, 3, 3, 6, 6, 6, 12]),
    ...(rng() < 0.7 ? { startMonth: start.toISOString().slice(0, 7) } : {}),
    shortTime,
    status: 'open',
    applicantCount: 0,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: publishedAt,
    publishedAt,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export type SeedProgress = { projects: number; items: number; total: number; elapsedMs: number };

export type SeedOptions = {
  /** Projects to write: numbers `from` … `from + count - 1`. */
  count: number;
  from?: number;
  seed?: number;
  /** Publication dates are spread over the year before this (ms since epoch). Default: now. */
  now?: number;
  /** How much text each posting has (see PostingStyle). Default: full. */
  postings?: PostingStyle;
  /** Leave out the keyword index's `TERM#` entries: for benchmarks that never search by keyword (≈ 5× fewer items). */
  withoutTerms?: boolean;
  /** BatchWriteItem requests in flight. DynamoDB Local takes the most with ≈ 32. */
  concurrency?: number;
  client?: DynamoDBDocumentClient;
  tableName?: string;
  onProgress?: (p: SeedProgress) => void;
};

export type SeedResult = { projects: number; items: number; listingEntries: number; elapsedMs: number };

function defaultClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? 'http://127.0.0.1:8000',
      region: process.env.AWS_REGION ?? 'ap-northeast-1',
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      },
      maxAttempts: 10,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

type Item = Record<string, unknown>;

/**
 * Writes `count` synthetic open projects and all their listing entries, 25 items per BatchWriteItem,
 * `concurrency` requests in flight, unprocessed items retried with exponential backoff.
 */
export async function seedProjects(options: SeedOptions): Promise<SeedResult> {
  const {
    count,
    from = 0,
    seed = 42,
    now = Date.now(),
    postings = 'full',
    withoutTerms = false,
    concurrency = 32,
    onProgress,
  } = options;
  const client = options.client ?? defaultClient();
  const table = options.tableName ?? process.env.TABLE_NAME ?? 'kakehashi';
  const started = performance.now();
  let next = from;
  const end = from + count;
  let done = 0;
  let items = 0;
  let entries = 0;
  let lastReport = 0;

  async function write(batch: Item[]) {
    let pending: Item[] | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt === 12) throw new Error(`${pending.length} items left unprocessed after 12 attempts`);
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(2_000, 25 * 2 ** attempt)));
      const out: BatchWriteCommandOutput = await client.send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = out.UnprocessedItems?.[table] as Item[] | undefined;
    }
  }

  /** A worker takes whole projects, fills batches of 25, and writes them one after the other. */
  async function worker() {
    let buffer: Item[] = [];
    let projectsInBuffer = 0;
    const flush = async () => {
      const batch = buffer;
      const n = projectsInBuffer;
      buffer = [];
      projectsInBuffer = 0;
      // A batch may hold the end of one project and the start of the next; count projects when flushed.
      for (let i = 0; i < batch.length; i += 25) await write(batch.slice(i, i + 25));
      items += batch.length;
      done += n;
      const elapsedMs = performance.now() - started;
      if (onProgress && elapsedMs - lastReport > 250 && done < count) {
        lastReport = elapsedMs;
        onProgress({ projects: done, items, total: count, elapsedMs });
      }
    };
    while (next < end) {
      const project = syntheticProject(seed, next++, now, postings);
      const listing: ListingEntry[] = listingEntries(project).filter(
        (e) => !withoutTerms || !e.PK.startsWith('LIST#TERM#'),
      );
      entries += listing.length;
      buffer.push(projectItem(project), ...listing);
      projectsInBuffer++;
      if (buffer.length >= 100) await flush();
    }
    if (buffer.length) await flush();
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  onProgress?.({ projects: done, items, total: count, elapsedMs });
  return { projects: done, items, listingEntries: entries, elapsedMs };
}

/** A one-line progress bar for stderr: count, rate, ETA (redrawn on a terminal, a line every 10 s otherwise). */
export function progressBar(label: string) {
  const width = 28;
  let printed = -Infinity;
  const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  const perSecond = (n: number, ms: number) =>
    Math.round(n / Math.max(ms / 1000, 0.001)).toLocaleString('en');
  return (p: SeedProgress) => {
    const finished = p.projects >= p.total;
    if (!process.stderr.isTTY && !finished && p.elapsedMs - printed < 10_000) return;
    printed = p.elapsedMs;
    const filled = Math.round((p.total ? p.projects / p.total : 1) * width);
    const rate = p.projects / Math.max(p.elapsedMs / 1000, 0.001);
    const eta = rate > 0 ? (p.total - p.projects) / rate : 0;
    const line =
      `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
      `${p.projects.toLocaleString('en')}/${p.total.toLocaleString('en')} projects · ` +
      `${perSecond(p.projects, p.elapsedMs)}/s (${perSecond(p.items, p.elapsedMs)} items/s) · ` +
      `${clock(p.elapsedMs / 1000)} elapsed · ETA ${clock(eta)}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\u001b[K${finished ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Command line

if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const count = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 1000);
  const result = await seedProjects({
    count,
    seed: flag('seed') ?? 42,
    from: flag('from') ?? 0,
    concurrency: flag('concurrency') ?? 4,
    onProgress: progressBar('seeding'),
  });
  console.log(
    `Wrote ${result.projects.toLocaleString('en')} open projects and ${result.listingEntries.toLocaleString('en')} listing entries ` +
      `(${(result.listingEntries / Math.max(result.projects, 1)).toFixed(1)} per project) in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
      `to ${process.env.TABLE_NAME ?? 'kakehashi'} at ${process.env.AWS_ENDPOINT_URL_DYNAMODB ?? 'http://127.0.0.1:8000'}.`,
  );
}
