import { EVENT_KINDS, type EventKind } from './types.ts';

/** The events list's filters as the address bar keeps them; the names are those of `GET /v1/events`. */
export type EventFilters = { prefecture: string; municipality: string; kind: EventKind | '' };

export const NO_FILTERS: EventFilters = { prefecture: '', municipality: '', kind: '' };

/** The filters of a query string; what the API would refuse is dropped, so a shared link always shows a list. */
export function parseEventFilters(params: URLSearchParams): EventFilters {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const municipality = /^\d{5}$/.test(get('municipality')) ? get('municipality') : '';
  const prefecture = /^\d{2}$/.test(get('prefecture')) ? get('prefecture') : municipality.slice(0, 2);
  const kind = (EVENT_KINDS as readonly string[]).includes(get('kind')) ? (get('kind') as EventKind) : '';
  return {
    prefecture,
    municipality: municipality.startsWith(prefecture) ? municipality : '',
    kind,
  };
}

/** The query string of the filters, in a fixed order, without the empty ones. */
export function eventFiltersToParams(f: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.prefecture) params.set('prefecture', f.prefecture);
  if (f.municipality) params.set('municipality', f.municipality);
  if (f.kind) params.set('kind', f.kind);
  return params;
}
