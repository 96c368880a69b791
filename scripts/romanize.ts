import { toRomaji } from 'wanakana';

/** Administrative suffixes: the kanji a name part ends with, its possible readings and their romanisation. */
const SUFFIXES: Record<string, readonly (readonly [kana: string, roman: string])[]> = {
  市: [['し', 'shi']],
  区: [['く', 'ku']],
  町: [
    ['ちょう', 'cho'],
    ['まち', 'machi'],
  ],
  村: [
    ['むら', 'mura'],
    ['そん', 'son'],
  ],
};

/** Hepburn-like long-vowel simplification ("ou" → "o", "uu" → "u", "oo" → "o"). */
export function simplifyLongVowels(romaji: string): string {
  return romaji.replaceAll('ou', 'o').replaceAll('uu', 'u').replaceAll('oo', 'o');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Romanises one name part (no spaces), e.g. 湯梨浜町 / ゆりはまちょう → "Yurihama-cho". */
export function romanizePart(name: string, kana: string): string {
  const readings = SUFFIXES[name.slice(-1)] ?? [];
  for (const [suffixKana, suffixRoman] of readings) {
    if (kana.endsWith(suffixKana) && kana.length > suffixKana.length) {
      const stem = simplifyLongVowels(toRomaji(kana.slice(0, -suffixKana.length)));
      return `${capitalise(stem)}-${suffixRoman}`;
    }
  }
  return capitalise(simplifyLongVowels(toRomaji(kana)));
}

/**
 * English name of a municipality from its kanji name and kana reading, romanised per space-separated part
 * (a designated city's ward is "<city> <ward>"), e.g. 札幌市 中央区 / さっぽろし ちゅうおうく → "Sapporo-shi Chuo-ku".
 */
export function romanizeMunicipality(name: string, kana: string): string {
  const names = name.trim().split(/\s+/);
  const kanas = kana.trim().split(/\s+/);
  if (names.length !== kanas.length) {
    throw new Error(`name and kana have different parts: ${name} / ${kana}`);
  }
  return names.map((part, i) => romanizePart(part, kanas[i] ?? '')).join(' ');
}
