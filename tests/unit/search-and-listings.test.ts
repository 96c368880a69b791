import { describe, expect, it } from 'vitest';
import { plan } from '#shared/projects/browse.ts';
import { listingEntries } from '#shared/projects/listing.entity.ts';
import { listingChanges } from '#shared/projects/maintain-listings.ts';
import type { Project } from '#shared/projects/rules.ts';
import { keywordQuery, MAX_TERMS, normalise, projectTerms } from '#shared/projects/search-terms.ts';

const project: Project = {
  id: 'p1',
  firmId: 'f1',
  organizationName: 'ゆりはま梨園',
  title: 'ふるさと納税の返礼品企画',
  summary: 'ＥＣサイトの立ち上げとSNS運用',
  skills: ['marketing', 'ec'],
  municipalityCode: '31370',
  prefectureCode: '31',
  monthlyFeeJpy: 50_000,
  hoursPerMonth: 20,
  remote: 'full',
  durationMonths: 6,
  shortTime: false,
  status: 'open',
  applicantCount: 0,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  publishedAt: '2026-11-02T00:00:00.000Z',
};

describe('keyword terms', () => {
  it('normalises full-width letters and half-width kana', () => {
    expect(normalise('ＥＣ　ｶﾌｪ')).toBe('ec カフェ');
  });

  it('indexes Japanese as bigrams, Latin as words, and single kanji of the title', () => {
    const terms = projectTerms(project);
    expect(terms).toEqual(
      expect.arrayContaining(['返礼', '礼品', '納税', '企画', 'marketing', 'ec', 'sns', '返']),
    );
    expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
  });

  it('looks a query up by a Latin word or a kanji bigram, and checks every word', () => {
    expect(keywordQuery('返礼品')).toEqual({ term: '返礼', words: ['返礼品'] });
    expect(keywordQuery('ＥＣ サイト')).toEqual({ term: 'ec', words: ['ec', 'サイト'] });
    expect(keywordQuery('  ')).toBeUndefined();
    // the chosen term is always one a matching project is indexed by
    for (const q of ['返礼品', 'ふるさと納税', 'marketing', 'EC']) {
      expect(projectTerms(project)).toContain(keywordQuery(q)?.term);
    }
  });
});

describe('listings', () => {
  it('an open project is listed under all, its prefecture, municipality, each skill and each term', () => {
    const pks = listingEntries(project).map((e) => e.PK);
    expect(pks).toEqual(
      expect.arrayContaining([
        'LIST#ALL',
        'LIST#PREF#31',
        'LIST#MUNI#31370',
        'LIST#SKILL#ec',
        'LIST#TERM#返礼',
      ]),
    );
    expect(new Set(listingEntries(project).map((e) => e.SK))).toEqual(
      new Set(['2026-11-02T00:00:00.000Z#p1']),
    );
  });

  it('drafts and closed projects are not listed', () => {
    expect(listingEntries({ ...project, status: 'draft' })).toEqual([]);
    expect(listingEntries({ ...project, status: 'closed' })).toEqual([]);
  });

  it('a change rewrites only what moved: publish adds all, an applicant count changes nothing, closing removes all', () => {
    const draft = { ...project, status: 'draft' as const, publishedAt: undefined };
    const published = listingChanges(draft, project);
    expect(published.remove).toEqual([]);
    expect(published.put).toHaveLength(listingEntries(project).length);
    expect(listingChanges(project, { ...project, applicantCount: 3 })).toEqual({ remove: [], put: [] });
    const moved = listingChanges(project, { ...project, skills: ['marketing', 'dx'] });
    expect(moved.remove.map((k) => k.PK)).toContain('LIST#SKILL#ec');
    expect(moved.put.map((e) => e.PK)).toContain('LIST#SKILL#dx');
    expect(listingChanges(project, { ...project, status: 'closed' }).remove).toHaveLength(
      listingEntries(project).length,
    );
  });
});

describe('browse plan', () => {
  it('reads the most selective partition and filters the rest', () => {
    expect(plan({ limit: 20 }).partition).toBe('LIST#ALL');
    expect(plan({ limit: 20, prefecture: '31' }).partition).toBe('LIST#PREF#31');
    const both = plan({ limit: 20, prefecture: '31', skill: 'ec', minFee: 40_000, shortTime: 'true' });
    expect(both.partition).toBe('LIST#SKILL#ec');
    expect(both.filters).toEqual([
      'prefectureCode = :pref',
      'monthlyFeeJpy >= :minFee',
      'shortTime = :short',
    ]);
    expect(plan({ limit: 20, municipality: '31370', q: '返礼品' }).partition).toBe('LIST#TERM#返礼');
  });
});
