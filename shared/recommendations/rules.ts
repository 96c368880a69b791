import type { Profile, TIES, WORK_STYLES } from '../accounts/rules.ts';
import type { REMOTE_STYLES } from '../projects/rules.ts';
import { municipality, prefecture, regionContains, wideAreaGroup } from '../regions/index.ts';
import * as z from '../zod-mini.ts';

/**
 * "Recommended for you": which listing partitions a professional's profile points to, how far each is read,
 * and how a candidate project scores against the profile, with its reasons in words (ja and en).
 *
 * Cost bound, whatever the catalogue's size: at most SKILL_PARTITIONS + REGION_PARTITIONS = 21 listing
 * partitions, each read for its ENTRIES_PER_PARTITION = 20 newest entries (one Query with Limit 20, no filter):
 * ≤ 21 Queries and ≤ 420 entries; then one BatchGetItem of the best `limit + PAGE_MARGIN` ≤ 55 projects.
 */
export const SKILL_PARTITIONS = 5;
export const REGION_PARTITIONS = 16;
export const ENTRIES_PER_PARTITION = 20;
/** Extra projects read for the page: a listing can outlive its project's closing or hiding by a moment. */
export const PAGE_MARGIN = 5;
export const RECOMMENDATIONS_MAX = 50;

export const REASON_KINDS = [
  'skill',
  'hours',
  'workStyle',
  'hometown',
  'lived',
  'furusato_donor',
  'interest',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];
export type Reason = { kind: ReasonKind; ja: string; en: string };

/** `profile`: ranked by the profile; `newest`: the profile names no skill and no region, so the newest open projects. */
export const BASES = ['profile', 'newest'] as const;
export type Basis = (typeof BASES)[number];

/** The query string of `GET /v1/me/recommendations`. */
export const RecommendationsQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(RECOMMENDATIONS_MAX)), 20),
  }),
);
export type RecommendationsQuery = z.output<typeof RecommendationsQuery>;

type Professional = Extract<Profile, { role: 'professional' }>;
export type FitProfile = Pick<Professional, 'skills' | 'hoursPerMonth' | 'workStyle' | 'regionsOfInterest'>;
type Tie = (typeof TIES)[number];

/** A listing partition, as the listing entity names them (shared/projects/listing.entity.ts). */
export type Facet = 'ALL' | `PREF#${string}` | `MUNI#${string}` | `SKILL#${string}`;

/** What is scored: a listing entry's facts of its project (no project needs reading to rank). */
export type Candidate = {
  projectId: string;
  /** Publication time, then the id (the listing's sort key): the newer of two equal scores goes first. */
  listed: string;
  municipalityCode: string;
  prefectureCode: string;
  skills: readonly string[];
  hoursPerMonth: number;
  remote: (typeof REMOTE_STYLES)[number];
};

/** Points per match; the reasons are listed in this order, which is also strongest first. */
const POINTS = {
  skill: 30, // each skill in common
  hometown: 25,
  lived: 20,
  furusato_donor: 15,
  interest: 10,
  hours: 10,
  workStyle: 10,
} as const satisfies Record<ReasonKind, number>;
const TIE_ORDER: readonly Tie[] = ['hometown', 'lived', 'furusato_donor', 'interest'];

/** The profile's regions, strongest tie first (a region with two ties appears under each). */
function tiedRegions(profile: FitProfile): { tie: Tie; code: string }[] {
  const regions = profile.regionsOfInterest ?? [];
  return TIE_ORDER.flatMap((tie) =>
    regions.filter((r) => r.ties.includes(tie)).map((r) => ({ tie, code: r.regionCode })),
  );
}

/** The listing partitions a region is found in: a wide-area group's are its members' (listings have no group facet). */
function regionFacets(code: string): Facet[] {
  const group = wideAreaGroup(code);
  if (group) return group.municipalityCodes.map((m) => `MUNI#${m}` as const);
  return code.length === 2 ? [`PREF#${code}`] : [`MUNI#${code}`];
}

/**
 * The partitions to read: the first SKILL_PARTITIONS skills as the person listed them, then the regions of
 * their strongest ties, up to REGION_PARTITIONS. A profile naming neither reads the newest open projects.
 */
export function candidatePartitions(profile: FitProfile): { basis: Basis; facets: Facet[] } {
  const skills = (profile.skills ?? []).slice(0, SKILL_PARTITIONS).map((s) => `SKILL#${s}` as const);
  const regions = [...new Set(tiedRegions(profile).flatMap((r) => regionFacets(r.code)))].slice(
    0,
    REGION_PARTITIONS,
  );
  if (!skills.length && !regions.length) return { basis: 'newest', facets: ['ALL'] };
  return { basis: 'profile', facets: [...skills, ...regions] };
}

/** Specific before broad: a reason names the municipality the person gave rather than its prefecture. */
const specificity = (code: string) => (wideAreaGroup(code) ? 1 : code.length === 2 ? 0 : 2);

function regionName(code: string): { ja: string; en: string } {
  const named = wideAreaGroup(code) ?? municipality(code) ?? prefecture(code);
  return { ja: named?.name ?? code, en: named?.nameEn ?? code };
}

const TIE_WORDS: Record<Tie, { ja: string; en: string }> = {
  hometown: { ja: '出身地', en: 'Hometown' },
  lived: { ja: '住んだことがある', en: 'Lived in' },
  furusato_donor: { ja: 'ふるさと納税で寄附', en: 'Furusato nozei donor to' },
  interest: { ja: '関心のある地域', en: 'Interested in' },
};

const STYLE_WORDS: Record<(typeof REMOTE_STYLES)[number], { ja: string; en: string }> = {
  full: { ja: 'フルリモート', en: 'fully remote' },
  hybrid: { ja: 'リモート＋ときどき現地', en: 'remote with visits' },
  onsite: { ja: '現地中心', en: 'mostly on site' },
};

/** The project styles each preference welcomes: someone open to visits also takes fully remote work. */
const STYLE_FITS: Record<(typeof WORK_STYLES)[number], readonly (typeof REMOTE_STYLES)[number][]> = {
  remote: ['full'],
  hybrid: ['full', 'hybrid'],
  onsite: ['onsite', 'hybrid'],
};

/** How well one project fits the profile: points, and a reason for each match, strongest first. */
export function fitOf(profile: FitProfile, c: Candidate): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  const common = (profile.skills ?? []).filter((s) => c.skills.includes(s));
  if (common.length) {
    score += POINTS.skill * common.length;
    const one = common.length === 1;
    reasons.push({
      kind: 'skill',
      ja: `スキル: ${common.join('、')} が一致`,
      en: `${one ? 'Skill' : 'Skills'}: ${common.join(', ')} ${one ? 'matches' : 'match'}`,
    });
  }
  for (const tie of TIE_ORDER) {
    const matched = tiedRegions(profile)
      .filter((r) => r.tie === tie && regionContains(r.code, c.municipalityCode))
      .sort((a, b) => specificity(b.code) - specificity(a.code))[0];
    if (!matched) continue;
    score += POINTS[tie];
    const name = regionName(matched.code);
    reasons.push({
      kind: tie,
      ja: `${TIE_WORDS[tie].ja}: ${name.ja}`,
      en: `${TIE_WORDS[tie].en}: ${name.en}`,
    });
  }
  if (profile.hoursPerMonth !== undefined && c.hoursPerMonth <= profile.hoursPerMonth) {
    score += POINTS.hours;
    reasons.push({
      kind: 'hours',
      ja: `時間: 月 ${c.hoursPerMonth} 時間（月 ${profile.hoursPerMonth} 時間まで）`,
      en: `Hours: ${c.hoursPerMonth} a month, within your ${profile.hoursPerMonth}`,
    });
  }
  if (profile.workStyle && STYLE_FITS[profile.workStyle].includes(c.remote)) {
    score += POINTS.workStyle;
    reasons.push({
      kind: 'workStyle',
      ja: `働き方: ${STYLE_WORDS[c.remote].ja}`,
      en: `Work style: ${STYLE_WORDS[c.remote].en}`,
    });
  }
  return { score, reasons };
}

export type Ranked = Candidate & { score: number; reasons: Reason[] };

/**
 * The candidates (one entry per project, however many partitions it came from), best first: higher score,
 * then newer, then the smaller id, so the same catalogue always gives the same order.
 */
export function rank(profile: FitProfile, candidates: readonly Candidate[]): Ranked[] {
  const distinct = new Map<string, Candidate>();
  for (const c of candidates) distinct.set(c.projectId, c);
  return [...distinct.values()]
    .map((c) => ({ ...c, ...fitOf(profile, c) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.listed < b.listed ? 1 : a.listed > b.listed ? -1 : 0) ||
        (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
    );
}
