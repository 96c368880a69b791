import { text } from '../domain/fields.ts';
import { yen } from '../domain/money.ts';
import { BrowseQuery, type REMOTE_STYLES } from '../projects/rules.ts';
import * as z from '../zod-mini.ts';

/**
 * Saved searches: a professional keeps a search of the project search page and is mailed, each morning, the
 * projects newly published that match it. Pure rules: no AWS, Stripe or data imports.
 */

/** A person keeps at most this many searches: each one costs a listing read every morning. */
export const MAX_SAVED_SEARCHES = 20;
export const SAVED_SEARCH_NAME_MAX = 60;
/** A digest lists at most this many projects; the rest are "and N more", behind the link to the search. */
export const DIGEST_MAX_PROJECTS = 20;
/**
 * A digest at time T covers what was published up to T minus this: listings follow a publication through the
 * stream a moment later, and a project listed after its digest ran would otherwise be missed for good.
 */
export const DIGEST_SETTLE_MS = 10 * 60_000;

const browse = BrowseQuery.shape;
/** A JSON whole number, then held to a bound of the browse query (whose own input, a query string, is coerced). */
const jsonInt = (bounded: z.ZodMiniType<number | undefined, unknown>, message: string) =>
  z.optional(z.pipe(z.int(message), bounded as z.ZodMiniType<number | undefined, number>));

/**
 * `POST /v1/me/saved-searches`: the browse query of `GET /v1/projects` without `limit` and `cursor`, and an
 * optional name. Numbers are JSON numbers here (the query string's coercion would read `null` as 0), then held
 * to the browse query's own bounds.
 */
export const SavedSearchInput = /* @__PURE__ */ z.pure(() =>
  z.extend(z.omit(BrowseQuery, { limit: true, cursor: true }), {
    name: z.optional(text(SAVED_SEARCH_NAME_MAX)),
    minFee: jsonInt(browse.minFee, 'The fee is a whole number of yen.'),
    maxHours: jsonInt(browse.maxHours, 'Hours are a whole number.'),
  }),
);
export type SavedSearchInput = z.output<typeof SavedSearchInput>;

/** What a saved search looks for: the browse query's filters and keyword, each in the browse query's words. */
export type SearchFilters = Omit<SavedSearchInput, 'name'>;

/** The filters in the order the search page writes them in its address (web/src/projects/search-params.ts). */
export const FILTER_NAMES = [
  'q',
  'prefecture',
  'municipality',
  'skill',
  'minFee',
  'maxHours',
  'remote',
  'shortTime',
  'teams',
] as const satisfies readonly (keyof SearchFilters)[];

/** The filters of an input, without the ones that filter nothing (an empty keyword, `teams=false`). */
export function filtersOf(input: SavedSearchInput): SearchFilters {
  const out: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const value = input[name];
    if (value === undefined || value === '') continue;
    if (name === 'teams' && value === 'false') continue;
    out[name] = value;
  }
  return out as SearchFilters;
}

/** The search page's query string for the filters (`q=…&prefecture=31`), for links in mail and in the list. */
export function searchQueryString(filters: SearchFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined) params.set(name, String(value));
  }
  return params.toString();
}

/** The unsubscribe link's secret: 32 random bytes, base64url. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const UnsubscribeInput = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    token: z
      .string()
      .check(z.regex(UNSUBSCRIBE_TOKEN, 'Not an unsubscribe token: use the link in the mail.')),
  }),
);

/**
 * What one digest at `at` covers: projects published from the last digest (or the saving) up to `at` less the
 * settling time, as [from, before). Undefined when that is empty, so nothing is read and nothing moves.
 */
export function digestWindow(lastDigestAt: string, at: Date): { from: string; before: string } | undefined {
  const before = new Date(at.getTime() - DIGEST_SETTLE_MS).toISOString();
  return before > lastDigestAt ? { from: lastDigestAt, before } : undefined;
}

export type Lang = 'ja' | 'en';
/** A place's name in both languages, as shared/regions knows it (passed in: rules carry no data). */
export type PlaceNames = (code: string) => { ja: string; en: string } | undefined;

type RemoteStyle = (typeof REMOTE_STYLES)[number];
const REMOTE: Record<RemoteStyle, Record<Lang, string>> = {
  full: { ja: 'フルリモート', en: 'fully remote' },
  hybrid: { ja: 'リモート＋ときどき現地', en: 'remote with visits' },
  onsite: { ja: '現地中心', en: 'mostly on site' },
};

/**
 * The filters as a person reads them, for the mail and the list: 「梨」、鳥取県 湯梨浜町、月額 ¥50,000 以上 /
 * "梨", Yurihama-cho, Tottori, ¥50,000+ a month. A search without filters is every new project.
 */
export function describeFilters(filters: SearchFilters, lang: Lang, places: PlaceNames = () => undefined) {
  const ja = lang === 'ja';
  const name = (code: string) => places(code)?.[lang] ?? code;
  const parts: string[] = [];
  if (filters.q) parts.push(ja ? `「${filters.q}」` : `"${filters.q}"`);
  const prefecture = filters.prefecture ?? filters.municipality?.slice(0, 2);
  if (filters.municipality)
    parts.push(
      ja
        ? `${name(prefecture as string)} ${name(filters.municipality)}`
        : `${name(filters.municipality)}, ${name(prefecture as string)}`,
    );
  else if (prefecture) parts.push(name(prefecture));
  if (filters.skill) parts.push(ja ? `スキル「${filters.skill}」` : `skill "${filters.skill}"`);
  if (filters.minFee !== undefined)
    parts.push(ja ? `月額 ${yen(filters.minFee)} 以上` : `${yen(filters.minFee)}+ a month`);
  if (filters.maxHours !== undefined)
    parts.push(ja ? `月 ${filters.maxHours} 時間以内` : `up to ${filters.maxHours} h a month`);
  if (filters.remote) parts.push(REMOTE[filters.remote][lang]);
  if (filters.shortTime === 'true')
    parts.push(ja ? '短時間（週10時間未満）' : 'short-time (under 10 h a week)');
  if (filters.shortTime === 'false') parts.push(ja ? '短時間以外' : 'not short-time');
  if (filters.teams === 'true') parts.push(ja ? 'チーム歓迎' : 'welcomes teams');
  if (!parts.length) return ja ? 'すべての新着案件' : 'All new projects';
  const text = parts.join(ja ? '、' : ', ');
  return ja ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a saved search is called: its name, else its filters. */
export const titleOf = (
  search: { name?: string | undefined; filters: SearchFilters },
  lang: Lang,
  places?: PlaceNames,
) => search.name ?? describeFilters(search.filters, lang, places);
