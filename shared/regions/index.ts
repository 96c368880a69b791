/**
 * Read API over the generated regions table (./data.ts, built by `npm run regions`).
 * Lookup maps are built once at module load; returned objects are fresh copies, safe to mutate.
 */
import { municipalities as municipalityRows, prefectures as prefectureRows, wideAreaGroups } from './data.ts';

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

const prefectureByCode = new Map<string, Prefecture>();
for (const [code, name, kana, nameEn] of prefectureRows) {
  prefectureByCode.set(code, { code, name, kana, nameEn });
}

const municipalityByCode = new Map<string, Municipality>();
const municipalitiesByPrefecture = new Map<string, Municipality[]>();
for (const code of prefectureByCode.keys()) municipalitiesByPrefecture.set(code, []);
for (const [code, name, kana, nameEn] of municipalityRows) {
  const m: Municipality = { code, name, kana, nameEn, prefectureCode: code.slice(0, 2) };
  municipalityByCode.set(code, m);
  municipalitiesByPrefecture.get(m.prefectureCode)?.push(m);
}

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
  return [...prefectureByCode.values()].map((p) => ({ ...p }));
}

export function prefecture(code: string): Prefecture | undefined {
  const p = prefectureByCode.get(code);
  return p && { ...p };
}

export function municipality(code: string): Municipality | undefined {
  const m = municipalityByCode.get(code);
  return m && { ...m };
}

/** The municipalities (including wards) of a prefecture, by code; undefined for an unknown prefecture. */
export function municipalitiesOf(prefectureCode: string): Municipality[] | undefined {
  return municipalitiesByPrefecture.get(prefectureCode)?.map((m) => ({ ...m }));
}

export function wideAreaGroup(code: string): WideAreaGroup | undefined {
  const g = groupByCode.get(code);
  return g && copyGroup(g);
}

export function listWideAreaGroups(): WideAreaGroup[] {
  return [...groupByCode.values()].map(copyGroup);
}

export function region(code: string): Region | undefined {
  const p = prefectureByCode.get(code);
  if (p) return { kind: 'prefecture', code, name: p.name, nameEn: p.nameEn };
  const m = municipalityByCode.get(code);
  if (m) return { kind: 'municipality', code, name: m.name, nameEn: m.nameEn };
  const g = groupByCode.get(code);
  if (g) return { kind: 'group', code, name: g.name, nameEn: g.nameEn };
  return undefined;
}

/** Whether a municipality lies inside a region (a prefecture contains its municipalities; a group its members; a municipality itself). */
export function regionContains(regionCode: string, municipalityCode: string): boolean {
  const m = municipalityByCode.get(municipalityCode);
  if (!m) return false;
  if (prefectureByCode.has(regionCode)) return m.prefectureCode === regionCode;
  if (municipalityByCode.has(regionCode)) return regionCode === municipalityCode;
  return groupMembers.get(regionCode)?.has(municipalityCode) ?? false;
}

/** The wide-area groups a municipality is a member of. */
export function wideAreaGroupsOf(municipalityCode: string): string[] {
  return [...groupMembers].filter(([, members]) => members.has(municipalityCode)).map(([code]) => code);
}
