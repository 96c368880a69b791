/**
 * Read API over the generated regions table (./data.ts, built by `npm run regions`). Nothing is parsed at import:
 * the prefectures on the first lookup, a prefecture's municipalities on the first lookup in it (the table is
 * ≈ 130 KB of text, and a function mostly names a municipality or two). Returned objects are fresh copies, safe
 * to mutate.
 */
import { municipalitiesByPrefecture, prefectures as prefectureRows, wideAreaGroups } from './data.ts';

export type Prefecture = { code: string; name: string; kana: string; nameEn: string };
export type Municipality = {
  code: string;
  name: string;
  kana: string;
  nameEn: string;
  prefectureCode: string;
};
export type WideAreaGroup = {
  code: string;
  name: string;
  nameEn: string;
  prefectureCode: string;
  municipalityCodes: string[];
};

/** A region a staff member can belong to: a prefecture ("31"), a municipality ("31370") or a wide-area group ("amami"). */
export type Region = {
  kind: 'prefecture' | 'municipality' | 'group';
  code: string;
  name: string;
  nameEn: string;
};

let prefectureIndex: Map<string, Prefecture> | undefined;
const prefectureByCode = (): Map<string, Prefecture> => {
  if (!prefectureIndex) {
    prefectureIndex = new Map();
    for (const [code, name, kana, nameEn] of prefectureRows)
      prefectureIndex.set(code, { code, name, kana, nameEn });
  }
  return prefectureIndex;
};

/** A prefecture's municipalities by code, in code order; undefined for a code that is no prefecture's. */
const municipalityIndexes = new Map<string, Map<string, Municipality>>();
function municipalitiesIn(prefectureCode: string): Map<string, Municipality> | undefined {
  let index = municipalityIndexes.get(prefectureCode);
  if (!index && prefectureByCode().has(prefectureCode)) {
    index = new Map();
    const rows = JSON.parse(municipalitiesByPrefecture[prefectureCode] ?? '[]') as string[][];
    for (const [code = '', name = '', kana = '', nameEn = ''] of rows)
      index.set(code, { code, name, kana, nameEn, prefectureCode });
    municipalityIndexes.set(prefectureCode, index);
  }
  return index;
}
const municipalityByCode = (code: string) => municipalitiesIn(code.slice(0, 2))?.get(code);

const groupByCode = new Map<string, WideAreaGroup>();
const groupMembers = new Map<string, Set<string>>();
for (const g of wideAreaGroups) {
  groupByCode.set(g.code, { ...g, municipalityCodes: [...g.municipalityCodes] });
  groupMembers.set(g.code, new Set(g.municipalityCodes));
}

const copyGroup = (g: WideAreaGroup): WideAreaGroup => ({
  ...g,
  municipalityCodes: [...g.municipalityCodes],
});

export function listPrefectures(): Prefecture[] {
  return [...prefectureByCode().values()].map((p) => ({ ...p }));
}

export function prefecture(code: string): Prefecture | undefined {
  const p = prefectureByCode().get(code);
  return p && { ...p };
}

export function municipality(code: string): Municipality | undefined {
  const m = municipalityByCode(code);
  return m && { ...m };
}

/** The municipalities (including wards) of a prefecture, by code; undefined for an unknown prefecture. */
export function municipalitiesOf(prefectureCode: string): Municipality[] | undefined {
  const index = municipalitiesIn(prefectureCode);
  return index && [...index.values()].map((m) => ({ ...m }));
}

export function wideAreaGroup(code: string): WideAreaGroup | undefined {
  const g = groupByCode.get(code);
  return g && copyGroup(g);
}

export function listWideAreaGroups(): WideAreaGroup[] {
  return [...groupByCode.values()].map(copyGroup);
}

export function region(code: string): Region | undefined {
  const p = prefectureByCode().get(code);
  if (p) return { kind: 'prefecture', code, name: p.name, nameEn: p.nameEn };
  const m = municipalityByCode(code);
  if (m) return { kind: 'municipality', code, name: m.name, nameEn: m.nameEn };
  const g = groupByCode.get(code);
  if (g) return { kind: 'group', code, name: g.name, nameEn: g.nameEn };
  return undefined;
}

/** Whether a municipality lies inside a region (a prefecture contains its municipalities; a group its members; a municipality itself). */
export function regionContains(regionCode: string, municipalityCode: string): boolean {
  const m = municipalityByCode(municipalityCode);
  if (!m) return false;
  if (prefectureByCode().has(regionCode)) return m.prefectureCode === regionCode;
  if (municipalityByCode(regionCode)) return regionCode === municipalityCode;
  return groupMembers.get(regionCode)?.has(municipalityCode) ?? false;
}

/** The wide-area groups a municipality is a member of. */
export function wideAreaGroupsOf(municipalityCode: string): string[] {
  return [...groupMembers].filter(([, members]) => members.has(municipalityCode)).map(([code]) => code);
}
