import { groupCodes, municipalityCodes, prefectureCodes } from './codes.ts';

/**
 * Whether a code names a real prefecture, municipality or wide-area group, without loading the names
 * (./index.ts has those): validation in every function stays small.
 */
const prefectures = new Set(prefectureCodes.split(' '));
const municipalities = new Set(municipalityCodes.split(' '));
const groups = new Set(groupCodes.split(' '));

export const isPrefectureCode = (code: string) => prefectures.has(code);
export const isMunicipalityCode = (code: string) => municipalities.has(code);
export const isRegionCode = (code: string) =>
  prefectures.has(code) || municipalities.has(code) || groups.has(code);
