import { describe, expect, it } from 'vitest';
import { listingKeys, plan } from '#shared/projects/listing.entity.ts';
import { BrowseQuery } from '#shared/projects/rules.ts';
import { searchMails } from '#shared/searches/mails.ts';
import {
  DIGEST_SETTLE_MS,
  describeFilters,
  digestWindow,
  filtersOf,
  MAX_SAVED_SEARCHES,
  SavedSearchInput,
  searchQueryString,
  titleOf,
  UnsubscribeInput,
} from '#shared/searches/rules.ts';
import { DIGEST_SHARDS, digestBucket, savedSearchKeys } from '#shared/searches/saved-search.entity.ts';
import { placeNames } from '#shared/searches/view.ts';

const parse = (input: unknown) => SavedSearchInput.safeParse(input);

describe('saved search rules', () => {
  it('takes the browse query of the search page without limit and cursor, and an optional name', () => {
    const ok = parse({ name: ' 鳥取のEC ', q: ' 梨 EC ', prefecture: '31', skill: 'EC', minFee: 50_000 });
    expect(ok.success && ok.data).toEqual({
      name: '鳥取のEC',
      q: '梨 EC',
      prefecture: '31',
      skill: 'ec',
      minFee: 50_000,
    });
    expect(parse({}).success).toBe(true);
    for (const field of ['limit', 'cursor', 'userId'])
      expect(parse({ [field]: 'x' }).success, field).toBe(false);
  });

  it('holds numbers to JSON whole numbers within the browse query’s bounds', () => {
    for (const minFee of [null, true, '50000', 1.5, -1, 10_000_001, []])
      expect(parse({ minFee }).success, JSON.stringify(minFee)).toBe(false);
    for (const maxHours of [0, 1001, '20', null]) expect(parse({ maxHours }).success).toBe(false);
    expect(parse({ minFee: 0, maxHours: 1000 }).success).toBe(true);
    // The refusals name the field.
    const bad = parse({ minFee: 'a lot', municipality: '313' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['minFee', 'municipality']);
  });

  it('names are the person’s own words: trimmed, not empty, at most 60 characters', () => {
    expect(parse({ name: '   ' }).success).toBe(false);
    expect(parse({ name: 'あ'.repeat(61) }).success).toBe(false);
    expect(parse({ name: 'あ'.repeat(60) }).success).toBe(true);
  });

  it('keeps only the filters that filter something, and plans them as the search page does', () => {
    const input = SavedSearchInput.parse({
      name: 'n',
      q: '  ',
      teams: 'false',
      shortTime: 'false',
      remote: 'full',
    });
    const filters = filtersOf(input);
    expect(filters).toEqual({ shortTime: 'false', remote: 'full' });
    // The same filters give the same listing read as GET /v1/projects with them.
    const browse = BrowseQuery.parse({ shortTime: 'false', remote: 'full' });
    expect(plan({ ...filters, limit: 20 })).toEqual(plan(browse));
  });

  it('writes the search page’s address in its own order, so a link from a mail opens the same search', () => {
    const filters = filtersOf(
      SavedSearchInput.parse({
        teams: 'true',
        minFee: 50_000,
        q: '梨 EC',
        municipality: '31370',
        prefecture: '31',
      }),
    );
    expect(searchQueryString(filters)).toBe(
      'q=%E6%A2%A8+EC&prefecture=31&municipality=31370&minFee=50000&teams=true',
    );
    expect(searchQueryString({})).toBe('');
  });

  it('a digest covers from the last one to its time less the settling time, and nothing twice', () => {
    const saved = '2026-12-01T03:00:00.000Z';
    const at = new Date('2026-12-01T23:00:00.000Z');
    const window = digestWindow(saved, at);
    expect(window).toEqual({ from: saved, before: new Date(at.getTime() - DIGEST_SETTLE_MS).toISOString() });
    // The next day's starts where this one ended: adjacent, never overlapping.
    const next = digestWindow(window?.before as string, new Date(at.getTime() + 86_400_000));
    expect(next?.from).toBe(window?.before);
    // Run again at the same time, or earlier, there is nothing left to cover.
    expect(digestWindow(window?.before as string, at)).toBeUndefined();
    expect(digestWindow(saved, new Date(Date.parse(saved) + DIGEST_SETTLE_MS))).toBeUndefined();
  });

  it('a window is a key range of a listing partition: [from, before) of the publication time', () => {
    const window = { from: '2026-12-01T03:00:00.000Z', before: '2026-12-01T22:50:00.000Z' };
    const inside = (publishedAt: string) => {
      const sk = listingKeys.sort(publishedAt, 'b0c3a1f0-0000-4000-8000-000000000000');
      return sk >= window.from && sk <= window.before; // what SK BETWEEN :from AND :before selects
    };
    expect(inside('2026-12-01T03:00:00.000Z')).toBe(true);
    expect(inside('2026-12-01T22:49:59.999Z')).toBe(true);
    expect(inside('2026-12-01T22:50:00.000Z')).toBe(false);
    expect(inside('2026-12-01T02:59:59.999Z')).toBe(false);
  });

  it('describes the filters in Japanese and English, with the places’ names', () => {
    const filters = filtersOf(
      SavedSearchInput.parse({
        q: '梨',
        municipality: '31370',
        skill: 'ec',
        minFee: 50_000,
        maxHours: 20,
        remote: 'full',
        shortTime: 'true',
        teams: 'true',
      }),
    );
    expect(describeFilters(filters, 'ja', placeNames)).toBe(
      '「梨」、鳥取県 湯梨浜町、スキル「ec」、月額 ¥50,000 以上、月 20 時間以内、フルリモート、短時間（週10時間未満）、チーム歓迎',
    );
    expect(describeFilters(filters, 'en', placeNames)).toBe(
      '"梨", Yurihama-cho, Tottori, skill "ec", ¥50,000+ a month, up to 20 h a month, fully remote, short-time (under 10 h a week), welcomes teams',
    );
    expect(describeFilters({ prefecture: '46' }, 'en', placeNames)).toBe('Kagoshima');
    expect(describeFilters({}, 'ja')).toBe('すべての新着案件');
    expect(describeFilters({}, 'en')).toBe('All new projects');
    // A name wins over the filters.
    expect(titleOf({ name: '梨の仕事', filters }, 'en')).toBe('梨の仕事');
    expect(titleOf({ filters: { prefecture: '31' } }, 'ja', placeNames)).toBe('鳥取県');
  });

  it('an unsubscribe token is 32 bytes in base64url and nothing else', () => {
    expect(UnsubscribeInput.safeParse({ token: 'A'.repeat(43) }).success).toBe(true);
    for (const token of ['A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`, 1])
      expect(UnsubscribeInput.safeParse({ token }).success).toBe(false);
    expect(UnsubscribeInput.safeParse({ token: 'A'.repeat(43), extra: 1 }).success).toBe(false);
  });

  it('keeps each person’s searches under their own key, the tally beside them, the digest shards spread', () => {
    const id = '3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e';
    expect(MAX_SAVED_SEARCHES).toBe(20);
    expect(savedSearchKeys.primary('u1', id)).toEqual({ PK: 'USER#u1', SK: `SEARCH#${id}` });
    expect(savedSearchKeys.tally('u1')).toEqual({ PK: 'USER#u1', SK: 'SEARCHES' });
    // The list reads begins_with(SK, 'SEARCH#'): the tally is not one of them.
    expect(savedSearchKeys.tally('u1').SK.startsWith('SEARCH#')).toBe(false);
    expect(savedSearchKeys.mailed({ id, createdAt: '2026-12-01T03:00:00.000Z' }).GSI1PK).toMatch(
      /^SAVED_SEARCHES#\d$/,
    );
    const buckets = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const b = digestBucket(crypto.randomUUID());
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
    }
    expect([...buckets.keys()].sort()).toEqual([...Array(DIGEST_SHARDS).keys()]);
    for (const n of buckets.values()) expect(n).toBeGreaterThan(120);
  });
});

describe('the digest mail', () => {
  const project = {
    id: 'p1',
    title: '梨園のEC立ち上げ支援',
    municipalityName: '湯梨浜町',
    municipalityNameEn: 'Yurihama-cho',
    prefectureName: '鳥取県',
    prefectureNameEn: 'Tottori',
    monthlyFeeJpy: 50_000,
  };
  const mail = (more: number) =>
    searchMails.digest({
      title: { ja: '鳥取のEC', en: 'EC in Tottori' },
      projects: [project],
      more,
      appUrl: 'https://kakehashi.example',
      searchPath: '/projects?q=EC&prefecture=31',
      unsubscribePath: '/unsubscribe?search=s1&token=t',
    });

  it('lists each project with its title, town and fee, in Japanese then English, and both links', () => {
    const m = mail(0);
    expect(m.subject).toBe(
      '保存した検索「鳥取のEC」に新着案件が1件あります / 1 new project for your saved search "EC in Tottori"',
    );
    expect(m.text).toContain(
      '・梨園のEC立ち上げ支援\n  鳥取県 湯梨浜町｜月額 ¥50,000\n  https://kakehashi.example/projects/p1',
    );
    expect(m.text).toContain('- 梨園のEC立ち上げ支援\n  Yurihama-cho, Tottori | ¥50,000 a month');
    expect(m.text.indexOf('鳥取県 湯梨浜町')).toBeLessThan(m.text.indexOf('Yurihama-cho, Tottori'));
    expect(m.text.match(/https:\/\/kakehashi\.example\/projects\?q=EC&prefecture=31/g)).toHaveLength(2);
    expect(m.text.match(/https:\/\/kakehashi\.example\/unsubscribe\?search=s1&token=t/g)).toHaveLength(2);
    expect(m.text).not.toContain('ほかに');
  });

  it('says how many more there are beyond those listed', () => {
    const m = mail(7);
    expect(m.subject).toContain('新着案件が8件');
    expect(m.subject).toContain('8 new projects');
    expect(m.text).toContain('ほかに7件あります。');
    expect(m.text).toContain('And 7 more.');
  });
});
