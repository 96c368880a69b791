/**
 * Generates shared/regions/data.ts from the code4fukui/localgovjp open data (CC0 1.0).
 *
 * Usage: npm run regions [-- <dir with prefjp-utf8.csv and localgovjp-utf8.csv>]
 * The directory defaults to ../shared/data/localgovjp relative to the repository root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { romanizeMunicipality } from './romanize.ts';

type Row = readonly [code: string, name: string, kana: string, nameEn: string];
type GroupSpec = { code: string; name: string; nameEn: string; prefectureCode: string; members: string[] };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(repoRoot, process.argv[2] ?? '../shared/data/localgovjp');
const outFile = resolve(repoRoot, 'shared/regions/data.ts');
const codesFile = resolve(repoRoot, 'shared/regions/codes.ts');

/** Wide-area groups, their members looked up by name within the prefecture. */
const GROUPS: GroupSpec[] = [
  {
    code: 'amami',
    name: '奄美群島',
    nameEn: 'Amami Islands',
    prefectureCode: '46',
    members: [
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
    ],
  },
];

/** A small RFC 4180-style CSV parser (quoted fields with "" escapes, CRLF or LF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Reads a CSV file into records keyed by the header row. */
function readCsv(file: string, required: string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) throw new Error(`${file}: empty`);
  for (const column of required) {
    if (!header.includes(column)) throw new Error(`${file}: missing column ${column}`);
  }
  return rows.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`${file}: row ${n + 2} has ${cells.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

function field(record: Record<string, string>, key: string): string {
  const value = record[key];
  if (!value) throw new Error(`missing ${key} in ${JSON.stringify(record)}`);
  return value;
}

function buildPrefectures(): Row[] {
  const records = readCsv(resolve(sourceDir, 'prefjp-utf8.csv'), ['pid', 'pref', 'prefkana', 'pref_en']);
  const rows = records.map((r): Row => {
    const code = field(r, 'pid').padStart(2, '0');
    if (!/^\d{2}$/.test(code)) throw new Error(`bad prefecture id ${code}`);
    const iso = r['ISO3166-2'];
    if (iso && iso !== `JP-${code}`) throw new Error(`prefecture ${code}: ISO code ${iso} disagrees`);
    return [code, field(r, 'pref'), field(r, 'prefkana'), field(r, 'pref_en')];
  });
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  if (rows.length !== 47 || new Set(rows.map((r) => r[0])).size !== 47) {
    throw new Error(`expected 47 distinct prefectures, got ${rows.length}`);
  }
  return rows;
}

function buildMunicipalities(prefectureCodes: Set<string>): Row[] {
  const records = readCsv(resolve(sourceDir, 'localgovjp-utf8.csv'), ['pid', 'city', 'citykana', 'lgcode']);
  const rows = records.map((r): Row => {
    const lgcode = field(r, 'lgcode');
    if (!/^\d{6}$/.test(lgcode)) throw new Error(`bad lgcode ${lgcode}`);
    const code = lgcode.slice(0, 5);
    const prefectureCode = field(r, 'pid').padStart(2, '0');
    if (code.slice(0, 2) !== prefectureCode || !prefectureCodes.has(prefectureCode)) {
      throw new Error(`municipality ${code}: prefecture ${prefectureCode} disagrees or is unknown`);
    }
    const name = field(r, 'city').replace(/\s+/g, ' ');
    const kana = field(r, 'citykana').replace(/\s+/g, ' ');
    return [code, name, kana, romanizeMunicipality(name, kana)];
  });
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const codes = new Set(rows.map((r) => r[0]));
  if (codes.size !== rows.length) throw new Error('duplicate municipality codes');
  return rows;
}

function buildGroups(municipalities: Row[]) {
  return GROUPS.map((g) => {
    const missing: string[] = [];
    const municipalityCodes = g.members.map((memberName) => {
      const matches = municipalities.filter((m) => m[0].startsWith(g.prefectureCode) && m[1] === memberName);
      if (matches.length !== 1) {
        missing.push(`${memberName} (${matches.length} matches)`);
        return '';
      }
      return (matches[0] as Row)[0];
    });
    if (missing.length > 0) {
      throw new Error(`group ${g.code}: not found in prefecture ${g.prefectureCode}: ${missing.join(', ')}`);
    }
    return {
      code: g.code,
      name: g.name,
      nameEn: g.nameEn,
      prefectureCode: g.prefectureCode,
      municipalityCodes,
    };
  });
}

/** A single-quoted TypeScript string literal. */
function q(s: string): string {
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A JS string literal holding the rows as JSON. */
const jsonText = (rows: readonly unknown[]) => JSON.stringify(JSON.stringify(rows));

export function render(
  prefectures: readonly Row[],
  municipalities: readonly Row[],
  groups: ReturnType<typeof buildGroups>,
): string {
  const groupLines = groups.map(
    (g) =>
      `  { code: ${q(g.code)}, name: ${q(g.name)}, nameEn: ${q(g.nameEn)}, prefectureCode: ${q(g.prefectureCode)}, ` +
      `municipalityCodes: [${g.municipalityCodes.map(q).join(', ')}] },`,
  );
  const byPrefecture = prefectures.map(
    ([code]) => `  '${code}': ${jsonText(municipalities.filter((m) => m[0].startsWith(code)))},`,
  );
  return [
    '// Regions of Japan: prefectures, municipalities (incl. wards of designated cities) and wide-area groups.',
    '// Source: code4fukui/localgovjp open data (CC0 1.0, public domain dedication), snapshot 2026-07-09,',
    '// built from GSI and J-LIS public lists. English municipality names are romanised from the kana readings.',
    '// GENERATED by `npm run regions` (scripts/build-regions.ts): do not edit by hand.',
    '',
    'export type PrefectureRow = readonly [code: string, name: string, kana: string, nameEn: string];',
    'export type MunicipalityRow = readonly [code: string, name: string, kana: string, nameEn: string];',
    '',
    // As JSON text: a fresh process parses JSON faster than it evaluates the same array literal (≈ 10 ms a cold start).
    `export const prefectures: readonly PrefectureRow[] = JSON.parse(${jsonText(prefectures)});`,
    '',
    "/** Each prefecture's municipalities (by code) as JSON text, parsed when first needed (./index.ts). */",
    'export const municipalitiesByPrefecture: Readonly<Record<string, string>> = {',
    ...byPrefecture,
    '};',
    '',
    'export const wideAreaGroups: readonly {',
    '  code: string;',
    '  name: string;',
    '  nameEn: string;',
    '  prefectureCode: string;',
    '  municipalityCodes: readonly string[];',
    '}[] = [',
    ...groupLines,
    '];',
    '',
  ].join('\n');
}

/**
 * Just the codes (≈ 10 KB instead of the whole table): what validation needs, so a function that only
 * checks a code does not carry every name in its bundle.
 */
function renderCodes(
  prefectures: Row[],
  municipalities: Row[],
  groups: ReturnType<typeof buildGroups>,
): string {
  return [
    '// Generated by `npm run regions` (scripts/build-regions.ts) from the same source as ./data.ts. Do not edit.',
    '// Source: code4fukui/localgovjp (CC0 1.0), snapshot 2026-07-09.',
    '',
    `export const prefectureCodes = '${prefectures.map((p) => p[0]).join(' ')}';`,
    `export const municipalityCodes = '${municipalities.map((m) => m[0]).join(' ')}';`,
    `export const groupCodes = '${groups.map((g) => g.code).join(' ')}';`,
    '',
  ].join('\n');
}

function main(): void {
  const prefectures = buildPrefectures();
  const municipalities = buildMunicipalities(new Set(prefectures.map((p) => p[0])));
  const groups = buildGroups(municipalities);
  writeFileSync(outFile, render(prefectures, municipalities, groups));
  writeFileSync(codesFile, renderCodes(prefectures, municipalities, groups));
  console.log(
    `wrote ${relative(repoRoot, outFile)}: ${prefectures.length} prefectures, ` +
      `${municipalities.length} municipalities, ${groups.length} wide-area groups (from ${sourceDir})`,
  );
}

// Run as a script (`npm run regions`); imported, it only lends its renderer.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();
