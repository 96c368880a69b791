import * as z from '../zod-mini.ts';

/**
 * What the regions routes answer: the official codes with their names in Japanese, kana and English. Written with
 * zod's mini API (../zod-mini.ts): the regions functions touch nothing else.
 */
export const PrefectureOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    kana: z.string(),
    nameEn: z.string(),
  }),
);
export const MunicipalityOut = /* @__PURE__ */ z.pure(() =>
  z.extend(PrefectureOut, { prefectureCode: z.string() }),
);
export const WideAreaGroupOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    prefectureCode: z.string(),
    municipalityCodes: z.array(z.string()),
  }),
);
export const PrefectureList = /* @__PURE__ */ z.pure(() => z.object({ items: z.array(PrefectureOut) }));
export const WideAreaGroupList = /* @__PURE__ */ z.pure(() => z.object({ items: z.array(WideAreaGroupOut) }));
export const PrefectureCodeParams = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    code: z.string().check(z.regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.')),
  }),
);
export const MunicipalityList = /* @__PURE__ */ z.pure(() =>
  z.object({ prefecture: PrefectureOut, items: z.array(MunicipalityOut) }),
);

/** Where a project or an event is, as its reply names it: the codes and the names in Japanese and English. */
export const placeFields = /* @__PURE__ */ z.pure(() => ({
  municipalityCode: z.string(),
  prefectureCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  prefectureName: z.string(),
  prefectureNameEn: z.string(),
}));
