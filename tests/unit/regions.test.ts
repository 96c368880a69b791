import { describe, expect, it } from 'vitest';
import {
  listPrefectures,
  listWideAreaGroups,
  municipalitiesOf,
  municipality,
  prefecture,
  region,
  regionContains,
  wideAreaGroup,
} from '#shared/regions/index.ts';
import { romanizeMunicipality } from '../../scripts/romanize.ts';

const AMAMI_NAMES = [
  '奄美市',
  '大和村',
  '宇検村',
  '瀬戸内町',
  '龍郷町',
  '喜界町',
  '徳之島町',
  '天城町',
  '伊仙町',
  '和泊町',
  '知名町',
  '与論町',
];

describe('prefectures', () => {
  it('has the 47 prefectures with codes 01..47 in order', () => {
    const codes = listPrefectures().map((p) => p.code);
    expect(codes).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('looks up Tottori', () => {
    expect(prefecture('31')).toEqual({ code: '31', name: '鳥取県', kana: 'とっとりけん', nameEn: 'Tottori' });
  });
});

describe('municipalities', () => {
  it('looks up Yurihama (31370)', () => {
    expect(municipality('31370')).toEqual({
      code: '31370',
      name: '湯梨浜町',
      kana: 'ゆりはまちょう',
      nameEn: 'Yurihama-cho',
      prefectureCode: '31',
    });
    expect(municipalitiesOf('31')?.map((m) => m.code)).toContain('31370');
  });

  it('has 5-digit codes, each in an existing prefecture, sorted and unique', () => {
    const all = listPrefectures().flatMap((p) => municipalitiesOf(p.code) ?? []);
    expect(all.length).toBe(1916);
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length);
    for (const m of all) {
      expect(m.code).toMatch(/^\d{5}$/);
      expect(m.code.startsWith(m.prefectureCode)).toBe(true);
      expect(prefecture(m.prefectureCode)).toBeDefined();
      expect(municipality(m.code)).toEqual(m);
    }
  });

  it('includes designated-city wards', () => {
    expect(municipality('01101')?.nameEn).toBe('Sapporo-shi Chuo-ku');
  });
});

describe('wide-area groups', () => {
  it('Amami has exactly the 12 named municipalities, all in Kagoshima', () => {
    const amami = wideAreaGroup('amami');
    expect(amami).toMatchObject({
      code: 'amami',
      name: '奄美群島',
      nameEn: 'Amami Islands',
      prefectureCode: '46',
    });
    const members = amami?.municipalityCodes.map((c) => municipality(c)) ?? [];
    expect(members).toHaveLength(12);
    expect(new Set(amami?.municipalityCodes).size).toBe(12);
    expect(members.map((m) => m?.name).sort()).toEqual([...AMAMI_NAMES].sort());
    for (const m of members) expect(m?.prefectureCode).toBe('46');
    expect(listWideAreaGroups().map((g) => g.code)).toContain('amami');
  });
});

describe('regions', () => {
  it('resolves each kind of region', () => {
    expect(region('31')).toEqual({ kind: 'prefecture', code: '31', name: '鳥取県', nameEn: 'Tottori' });
    expect(region('31370')).toEqual({
      kind: 'municipality',
      code: '31370',
      name: '湯梨浜町',
      nameEn: 'Yurihama-cho',
    });
    expect(region('amami')).toEqual({
      kind: 'group',
      code: 'amami',
      name: '奄美群島',
      nameEn: 'Amami Islands',
    });
  });

  it('regionContains: prefecture, group and municipality', () => {
    const amamiShi = '46222';
    const kagoshimaShi = '46201';
    expect(municipality(amamiShi)?.name).toBe('奄美市');
    expect(municipality(kagoshimaShi)?.name).toBe('鹿児島市');

    expect(regionContains('31', '31370')).toBe(true);
    expect(regionContains('46', '31370')).toBe(false);
    expect(regionContains('46', amamiShi)).toBe(true);

    expect(regionContains('amami', amamiShi)).toBe(true);
    expect(regionContains('amami', kagoshimaShi)).toBe(false);
    expect(regionContains('amami', '31370')).toBe(false);

    expect(regionContains('31370', '31370')).toBe(true);
    expect(regionContains('31370', '31201')).toBe(false);

    expect(regionContains('99', '31370')).toBe(false);
    expect(regionContains('31', '31999')).toBe(false);
    expect(regionContains('nowhere', amamiShi)).toBe(false);
  });

  it('gives undefined for unknown codes', () => {
    expect(prefecture('00')).toBeUndefined();
    expect(prefecture('48')).toBeUndefined();
    expect(prefecture('1')).toBeUndefined();
    expect(municipality('99999')).toBeUndefined();
    expect(municipality('31')).toBeUndefined();
    expect(municipalitiesOf('48')).toBeUndefined();
    expect(wideAreaGroup('nowhere')).toBeUndefined();
    expect(region('')).toBeUndefined();
    expect(region('99999')).toBeUndefined();
  });

  it('returns copies that do not alter the table', () => {
    const g = wideAreaGroup('amami');
    g?.municipalityCodes.push('31370');
    expect(regionContains('amami', '31370')).toBe(false);
    expect(wideAreaGroup('amami')?.municipalityCodes).toHaveLength(12);
  });
});

describe('romanizeMunicipality', () => {
  it.each([
    ['湯梨浜町', 'ゆりはまちょう', 'Yurihama-cho'],
    ['奄美市', 'あまみし', 'Amami-shi'],
    ['箕輪町', 'みのわまち', 'Minowa-machi'],
    ['藤里町', 'ふじさとまち', 'Fujisato-machi'],
    ['伊勢市', 'いせし', 'Ise-shi'],
    ['札幌市 中央区', 'さっぽろし ちゅうおうく', 'Sapporo-shi Chuo-ku'],
    ['大和村', 'やまとそん', 'Yamato-son'],
    ['南箕輪村', 'みなみみのわむら', 'Minamiminowa-mura'],
  ])('%s (%s) → %s', (name, kana, expected) => {
    expect(romanizeMunicipality(name, kana)).toBe(expected);
  });
});

describe('valid-codes (the small table validation uses)', async () => {
  const { isMunicipalityCode, isPrefectureCode, isRegionCode } = await import(
    '#shared/regions/valid-codes.ts'
  );
  const { listPrefectures, municipalitiesOf, listWideAreaGroups } = await import('#shared/regions/index.ts');

  it('agrees with the full table on every code', () => {
    for (const p of listPrefectures()) {
      expect(isPrefectureCode(p.code)).toBe(true);
      for (const m of municipalitiesOf(p.code) ?? []) expect(isMunicipalityCode(m.code)).toBe(true);
    }
    for (const g of listWideAreaGroups()) expect(isRegionCode(g.code)).toBe(true);
    expect(isPrefectureCode('48')).toBe(false);
    expect(isMunicipalityCode('31999')).toBe(false);
    expect(isRegionCode('atlantis')).toBe(false);
  });
});
