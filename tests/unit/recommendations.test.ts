import { describe, expect, it } from 'vitest';
import { TIES } from '#shared/accounts/rules.ts';
import {
  type Candidate,
  candidatePartitions,
  ENTRIES_PER_PARTITION,
  type Facet,
  type FitProfile,
  fitOf,
  PAGE_MARGIN,
  RECOMMENDATIONS_MAX,
  REGION_PARTITIONS,
  RecommendationsQuery,
  rank,
  SKILL_PARTITIONS,
} from '#shared/recommendations/rules.ts';

/**
 * A professional with two skills, 30 hours a month, fully remote, from Tottori (鳥取県, 31), a ふるさと納税 donor to
 * 海士町 (32525, Shimane) and interested in the Amami Islands (a wide-area group of 12 municipalities).
 * Points: each skill in common 30 · hometown 25 · lived 20 · donor 15 · interest 10 · hours within 10 ·
 * work style 10 (fully remote projects for someone who wants remote).
 */
const profile: FitProfile = {
  skills: ['ec', 'marketing'],
  hoursPerMonth: 30,
  workStyle: 'remote',
  regionsOfInterest: [
    { regionCode: '31', ties: ['hometown'] },
    { regionCode: '32525', ties: ['furusato_donor'] },
    { regionCode: 'amami', ties: ['interest'] },
  ],
};

const project = (
  id: string,
  day: number,
  municipalityCode: string,
  skills: string[],
  hoursPerMonth: number,
  remote: Candidate['remote'],
): Candidate => ({
  projectId: id,
  listed: `2026-05-${String(day).padStart(2, '0')}T09:00:00.000Z#${id}`,
  municipalityCode,
  prefectureCode: municipalityCode.slice(0, 2),
  skills,
  hoursPerMonth,
  remote,
});

/** The hand-made catalogue, each project's points worked out beside it. */
const catalogue = [
  project('p1', 1, '31370', ['ec', 'marketing'], 20, 'full'), // 60 skills + 25 Tottori + 10 hours + 10 remote = 105
  project('p2', 2, '32525', ['ec'], 40, 'full'), //                30 + 15 donor + 0 (40 > 30 h) + 10 = 55
  project('p3', 3, '46222', ['marketing', 'design'], 20, 'hybrid'), // 30 + 10 Amami + 10 + 0 (hybrid) = 50
  project('p4', 4, '13101', ['ec', 'marketing'], 30, 'full'), //   60 + no tie + 10 (30 ≤ 30) + 10 = 80
  project('p5', 5, '31201', ['design'], 10, 'onsite'), //          0 + 25 Tottori + 10 = 35
  project('p6', 6, '46523', ['tourism'], 20, 'full'), //           0 + 10 Amami (大和村) + 10 + 10 = 30
  project('p7', 9, '13101', ['ec'], 20, 'full'), //                30 + 10 + 10 = 50, newer than p3
  project('p8', 8, '01100', ['design'], 10, 'full'), //            nothing in common: in no partition read
  project('p9', 7, '31370', ['ec'], 60, 'onsite'), //              30 + 25 = 55, newer than p2
  project('p10', 10, '32525', ['marketing'], 20, 'full'), //       30 + 15 + 10 + 10 = 65
];

/** The partitions a project is listed under (those recommendations read; keyword terms left out). */
const facetsOf = (c: Candidate): Facet[] => [
  'ALL',
  `PREF#${c.prefectureCode}`,
  `MUNI#${c.municipalityCode}`,
  ...c.skills.map((s) => `SKILL#${s}` as const),
];

/** What the Queries return: each planned partition's newest entries, as many as the rules allow. */
const read = (facets: Facet[], limit = ENTRIES_PER_PARTITION) =>
  facets.flatMap((f) =>
    catalogue
      .filter((c) => facetsOf(c).includes(f))
      .sort((a, b) => b.listed.localeCompare(a.listed))
      .slice(0, limit),
  );

describe('recommendations: the ranking', () => {
  it('reads the skill partitions, then the regions of the ties, a group as its member municipalities', () => {
    const { basis, facets } = candidatePartitions(profile);
    expect(basis).toBe('profile');
    expect(facets.slice(0, 4)).toEqual(['SKILL#ec', 'SKILL#marketing', 'PREF#31', 'MUNI#32525']);
    // 奄美群島: its 12 municipalities, 奄美市 and 大和村 among them.
    expect(facets.slice(4)).toHaveLength(12);
    expect(facets).toContain('MUNI#46222');
    expect(facets).toContain('MUNI#46523');
  });

  it('orders the hand-made catalogue as worked out, each with its reasons in words', () => {
    const ranked = rank(profile, read(candidatePartitions(profile).facets));
    // p1 105 · p4 80 · p10 65 · p9 55 (newer) · p2 55 · p7 50 (newer) · p3 50 · p5 35 · p6 30; p8 is never read.
    expect(ranked.map((r) => [r.projectId, r.score])).toEqual([
      ['p1', 105],
      ['p4', 80],
      ['p10', 65],
      ['p9', 55],
      ['p2', 55],
      ['p7', 50],
      ['p3', 50],
      ['p5', 35],
      ['p6', 30],
    ]);
    const byId = new Map(ranked.map((r) => [r.projectId, r.reasons]));
    expect(byId.get('p1')).toEqual([
      { kind: 'skill', ja: 'スキル: ec、marketing が一致', en: 'Skills: ec, marketing match' },
      { kind: 'hometown', ja: '出身地: 鳥取県', en: 'Hometown: Tottori' },
      { kind: 'hours', ja: '時間: 月 20 時間（月 30 時間まで）', en: 'Hours: 20 a month, within your 30' },
      { kind: 'workStyle', ja: '働き方: フルリモート', en: 'Work style: fully remote' },
    ]);
    expect(byId.get('p2')?.map((r) => r.ja)).toEqual([
      'スキル: ec が一致',
      'ふるさと納税で寄附: 海士町',
      '働き方: フルリモート',
    ]);
    expect(byId.get('p2')?.[0]?.en).toBe('Skill: ec matches');
    expect(byId.get('p3')?.map((r) => r.kind)).toEqual(['skill', 'interest', 'hours']);
    expect(byId.get('p3')?.[1]).toEqual({
      kind: 'interest',
      ja: '関心のある地域: 奄美群島',
      en: 'Interested in: Amami Islands',
    });
    // Found through the group alone: no skill in common, the group counts for its member 大和村.
    expect(byId.get('p6')?.map((r) => r.kind)).toEqual(['interest', 'hours', 'workStyle']);
  });

  it('gives the same order whatever order the entries arrive in, and counts a project once', () => {
    const entries = read(candidatePartitions(profile).facets);
    expect(entries.filter((e) => e.projectId === 'p1')).toHaveLength(3); // its two skills and 鳥取県 (ALL is not read)
    const forward = rank(profile, entries).map((r) => r.projectId);
    const backward = rank(profile, [...entries].reverse()).map((r) => r.projectId);
    expect(backward).toEqual(forward);
    expect(new Set(forward).size).toBe(forward.length);
  });

  it('names the most specific region a tie was given for, and adds up different ties', () => {
    const ties: FitProfile = {
      regionsOfInterest: [
        { regionCode: '46', ties: ['hometown'] },
        { regionCode: '46222', ties: ['hometown', 'lived'] },
        { regionCode: 'amami', ties: ['interest'] },
      ],
    };
    const amami = fitOf(ties, project('x', 1, '46222', ['web'], 10, 'full'));
    expect(amami.score).toBe(25 + 20 + 10);
    expect(amami.reasons.map((r) => r.ja)).toEqual([
      '出身地: 奄美市',
      '住んだことがある: 奄美市',
      '関心のある地域: 奄美群島',
    ]);
    const kagoshima = fitOf(ties, project('y', 1, '46201', ['web'], 10, 'full'));
    expect(kagoshima.reasons).toEqual([
      { kind: 'hometown', ja: '出身地: 鹿児島県', en: 'Hometown: Kagoshima' },
    ]);
  });

  it('matches work styles as people mean them: open to visits also takes fully remote work', () => {
    const style = (workStyle: NonNullable<FitProfile['workStyle']>, remote: Candidate['remote']) =>
      fitOf({ workStyle }, project('s', 1, '31370', ['web'], 10, remote)).score;
    expect([style('remote', 'full'), style('remote', 'hybrid'), style('remote', 'onsite')]).toEqual([
      10, 0, 0,
    ]);
    expect([style('hybrid', 'full'), style('hybrid', 'hybrid'), style('hybrid', 'onsite')]).toEqual([
      10, 10, 0,
    ]);
    expect([style('onsite', 'full'), style('onsite', 'hybrid'), style('onsite', 'onsite')]).toEqual([
      0, 10, 10,
    ]);
  });

  it('falls back to the newest open projects, with no reasons, for a profile naming no skill and no region', () => {
    expect(candidatePartitions({})).toEqual({ basis: 'newest', facets: ['ALL'] });
    expect(candidatePartitions({ hoursPerMonth: 20, workStyle: 'remote' }).basis).toBe('newest');
    expect(candidatePartitions({ skills: [], regionsOfInterest: [] }).basis).toBe('newest');
    const newest = rank({}, read(['ALL'], 3));
    expect(newest.map((r) => r.projectId)).toEqual(['p10', 'p7', 'p8']);
    expect(newest.every((r) => r.score === 0 && r.reasons.length === 0)).toBe(true);
  });
});

describe('recommendations: the cost bound', () => {
  /** The widest profile the API accepts: 20 skills, 20 regions with every tie, the group among them. */
  const widest: FitProfile = {
    skills: Array.from({ length: 20 }, (_, i) => `skill-${i}`),
    hoursPerMonth: 160,
    workStyle: 'hybrid',
    regionsOfInterest: [
      { regionCode: 'amami', ties: ['interest'] },
      ...Array.from({ length: 19 }, (_, i) => ({
        regionCode: String(i + 1).padStart(2, '0'),
        ties: [...TIES],
      })),
    ],
  };

  it('reads at most 5 skill and 16 region partitions of 20 entries each, and one BatchGetItem', () => {
    const { facets } = candidatePartitions(widest);
    const skills = facets.filter((f) => f.startsWith('SKILL#'));
    const regions = facets.filter((f) => !f.startsWith('SKILL#'));
    expect(skills).toEqual([
      'SKILL#skill-0',
      'SKILL#skill-1',
      'SKILL#skill-2',
      'SKILL#skill-3',
      'SKILL#skill-4',
    ]);
    expect(regions).toHaveLength(REGION_PARTITIONS);
    expect(new Set(facets).size).toBe(facets.length);
    // Stronger ties first: the hometowns fill the region partitions before the group of mere interest.
    expect(regions).toEqual(Array.from({ length: 16 }, (_, i) => `PREF#${String(i + 1).padStart(2, '0')}`));
    const entriesRead = facets.length * ENTRIES_PER_PARTITION;
    expect(entriesRead).toBe((SKILL_PARTITIONS + REGION_PARTITIONS) * ENTRIES_PER_PARTITION);
    expect(entriesRead).toBeLessThanOrEqual(420);
    // The page's projects: one BatchGetItem holds 100 keys.
    expect(RECOMMENDATIONS_MAX + PAGE_MARGIN).toBeLessThanOrEqual(100);
  });

  it('takes a limit of 1 to 50 (20 by default) and refuses anything else', () => {
    expect(RecommendationsQuery.parse({})).toEqual({ limit: 20 });
    expect(RecommendationsQuery.parse({ limit: '50' })).toEqual({ limit: 50 });
    for (const limit of ['0', '51', '2.5', 'ten', '', '-1'])
      expect(RecommendationsQuery.safeParse({ limit }).success, limit).toBe(false);
    expect(RecommendationsQuery.safeParse({ limit: '5', page: '2' }).success).toBe(false);
  });
});
