import { municipality, prefecture } from '../regions/index.ts';
import type { SavedSearchOut } from './contract.ts';
import { describeFilters, type PlaceNames, type SearchFilters, searchQueryString } from './rules.ts';
import type { SavedSearch } from './saved-search.entity.ts';

/** Names of prefectures and municipalities, from the open data shipped with the code. */
export const placeNames: PlaceNames = (code) => {
  const place = code.length === 2 ? prefecture(code) : municipality(code);
  return place && { ja: place.name, en: place.nameEn };
};

export const summaryOf = (filters: SearchFilters) => ({
  ja: describeFilters(filters, 'ja', placeNames),
  en: describeFilters(filters, 'en', placeNames),
});

/** The search page with the filters, from the web app's root. */
export const searchPath = (filters: SearchFilters) => {
  const qs = searchQueryString(filters);
  return qs ? `/projects?${qs}` : '/projects';
};

export function showSavedSearch(search: SavedSearch): SavedSearchOut {
  return {
    id: search.id,
    ...(search.name ? { name: search.name } : {}),
    filters: search.filters,
    summary: summaryOf(search.filters),
    searchPath: searchPath(search.filters),
    mailed: !search.unsubscribedAt,
    ...(search.unsubscribedAt ? { unsubscribedAt: search.unsubscribedAt } : {}),
    lastDigestAt: search.lastDigestAt,
    createdAt: search.createdAt,
  };
}
