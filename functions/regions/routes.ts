import { line } from '#shared/http/route.ts';
import {
  MunicipalityList,
  PrefectureCodeParams,
  PrefectureList,
  WideAreaGroupList,
} from '#shared/regions/contract.ts';

/** The regions context's lines: the official codes, served from the bundled open data (no database). */
export const listPrefectures = /* @__PURE__ */ line('GET /v1/regions/prefectures', {
  handler: 'regions/list-prefectures',
  access: 'public',
  tag: 'regions',
  summary: 'The 47 prefectures, by code.',
  needs: {},
  response: PrefectureList,
});

export const listGroups = /* @__PURE__ */ line('GET /v1/regions/groups', {
  handler: 'regions/list-groups',
  access: 'public',
  tag: 'regions',
  summary: 'Wide-area groups of municipalities (e.g. 奄美群島), with their members.',
  needs: {},
  response: WideAreaGroupList,
});

export const listMunicipalities = /* @__PURE__ */ line('GET /v1/regions/prefectures/{code}/municipalities', {
  handler: 'regions/list-municipalities',
  access: 'public',
  tag: 'regions',
  summary: "A prefecture's municipalities (cities, wards, towns and villages), by code.",
  needs: {},
  params: PrefectureCodeParams,
  response: MunicipalityList,
});
