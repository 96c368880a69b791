/**
 * Keyword search without a scan: an inverted index of short terms kept as listing entries
 * (see docs/search.md). Japanese has no spaces, so CJK text is indexed as overlapping character
 * pairs (bigrams: 返礼品 → 返礼, 礼品) and Latin text as words; a query is looked up by one of its
 * terms and every other word is checked with `contains` on the candidates' normalised text.
 */

/** NFKC folds full-width letters and half-width kana (ＥＣ → EC, ｶﾌｪ → カフェ); then lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;
const KANJI = /\p{Script=Han}/u;
const LATIN_WORD = /[\p{L}\p{N}][\p{L}\p{N}+#.-]*/gu;

/** Runs of CJK characters, and Latin words, in order. */
function runs(text: string): { cjk: string[]; latin: string[] } {
  const cjk: string[] = [];
  const latin: string[] = [];
  let run = '';
  for (const ch of normalise(text)) {
    if (CJK.test(ch)) {
      run += ch;
      continue;
    }
    if (run) cjk.push(run);
    run = '';
  }
  if (run) cjk.push(run);
  for (const m of normalise(text).replace(new RegExp(CJK.source, 'gu'), ' ').matchAll(LATIN_WORD)) {
    if (m[0].length >= 2) latin.push(m[0].replace(/[.-]+$/, ''));
  }
  return { cjk, latin };
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return KANJI.test(run) ? [run] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export function termsOf(text: string): string[] {
  const { cjk, latin } = runs(text);
  return [...new Set([...latin, ...cjk.flatMap(bigrams)])];
}

/** At most this many terms per project: the write cost of publishing stays bounded. */
export const MAX_TERMS = 60;

/**
 * The terms a project is found by: the title's first, then the skills, then the summary's, up to MAX_TERMS.
 * Single kanji of the title are terms too, so a one-character query (梨) finds it.
 */
export function projectTerms(p: { title: string; skills: string[]; summary: string }): string[] {
  const titleKanji = [...normalise(p.title)].filter((ch) => KANJI.test(ch));
  const all = [...termsOf(p.title), ...titleKanji, ...p.skills.flatMap(termsOf), ...termsOf(p.summary)];
  return [...new Set(all)].slice(0, MAX_TERMS);
}

/** What a project's listing keeps to check the other query words against. */
export function searchText(p: { title: string; skills: string[]; summary: string }): string {
  return normalise([p.title, p.skills.join(' '), p.summary].join(' '));
}

export type KeywordQuery = { term: string; words: string[] };

/**
 * A query: every word must appear in the project's text. It is looked up by the term most likely to be rare:
 * a Latin word (longest first), else a bigram with a kanji in it, else any bigram.
 */
export function keywordQuery(q: string): KeywordQuery | undefined {
  const words = [...new Set(normalise(q).split(' ').filter(Boolean))];
  if (!words.length) return undefined;
  const { latin, cjk } = runs(words.join(' '));
  const latinTerms = [...latin].sort((a, b) => b.length - a.length);
  const grams = cjk.flatMap(bigrams);
  const term = latinTerms[0] ?? grams.find((g) => KANJI.test(g)) ?? grams[0];
  if (!term) return undefined;
  return { term, words };
}
