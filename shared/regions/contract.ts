import * as z from '../zod-mini.ts';

/**
 * What the regions routes answer: the official codes with their names in Japanese, kana and English. Written with
 * zod's mini API (../zod-mini.ts): the regions functions touch nothing else.
 */
export const PrefectureOut = z.object({
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  nameEn: z.string(),
});
export const MunicipalityOut = z.extend(PrefectureOut, { prefectureCode: z.string() });
export const WideAreaGroupOut = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  prefectureCode: z.string(),
  municipalityCodes: z.array(z.string()),
});
export const PrefectureList = z.object({ items: z.array(PrefectureOut) });
export const WideAreaGroupList = z.object({ items: z.array(WideAreaGroupOut) });
export const PrefectureCodeParams = z.strictObject({
  code: z.string().check(z.regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.')),
});
export const MunicipalityList = z.object({ prefecture: PrefectureOut, items: z.array(MunicipalityOut) });
