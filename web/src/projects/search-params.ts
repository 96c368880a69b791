import { normalizeSkill } from '../profile/form-utils.ts';
import { REMOTE_STYLES, type RemoteStyle } from './types.ts';

/** The search as the address bar keeps it; the names are those of `GET /v1/projects`. */
export type Filters = {
  q: string;
  prefecture: string;
  municipality: string;
  skill: string;
  minFee: string;
  maxHours: string;
  remote: RemoteStyle | '';
  shortTime: boolean;
  /** Only projects that welcome teams. */
  teams: boolean;
};

export const EMPTY_FILTERS: Filters = {
  q: '',
  prefecture: '',
  municipality: '',
  skill: '',
  minFee: '',
  maxHours: '',
  remote: '',
  shortTime: false,
  teams: false,
};

/**
 * The filters of a URL's query string. Whatever a hand-edited or stale link holds that the API would
 * refuse is dropped, so a shared link always shows results rather than an error.
 */
export function parseFilters(params: URLSearchParams): Filters {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const municipality = /^\d{5}$/.test(get('municipality')) ? get('municipality') : '';
  const prefecture = /^\d{2}$/.test(get('prefecture')) ? get('prefecture') : municipality.slice(0, 2);
  const skill = normalizeSkill(get('skill')).slice(0, 30);
  const minFee = /^\d{1,7}$/.test(get('minFee')) ? String(Number(get('minFee'))) : '';
  const maxHours = /^\d{1,3}$/.test(get('maxHours')) && Number(get('maxHours')) >= 1 ? get('maxHours') : '';
  const remote = (REMOTE_STYLES as readonly string[]).includes(get('remote'))
    ? (get('remote') as RemoteStyle)
    : '';
  return {
    q: get('q').slice(0, 100),
    prefecture,
    municipality: municipality.startsWith(prefecture) ? municipality : '',
    skill,
    minFee,
    maxHours,
    remote,
    shortTime: get('shortTime') === 'true',
    teams: get('teams') === 'true',
  };
}

/** The query string of a search, in a fixed order, without the filters left empty. */
export function filtersToParams(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  const q = f.q.trim().replace(/\s+/g, ' ');
  if (q) params.set('q', q);
  if (f.prefecture) params.set('prefecture', f.prefecture);
  if (f.municipality) params.set('municipality', f.municipality);
  const skill = normalizeSkill(f.skill);
  if (skill) params.set('skill', skill);
  if (f.minFee) params.set('minFee', f.minFee);
  if (f.maxHours) params.set('maxHours', f.maxHours);
  if (f.remote) params.set('remote', f.remote);
  if (f.shortTime) params.set('shortTime', 'true');
  if (f.teams) params.set('teams', 'true');
  return params;
}

export const FEE_STEPS = [30_000, 50_000, 100_000, 200_000, 300_000] as const;
export const HOUR_STEPS = [10, 20, 30, 43, 60, 80] as const;
