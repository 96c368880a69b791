import { isMunicipalityCode, isPrefectureCode, isRegionCode } from '../regions/valid-codes.ts';
import * as z from '../zod-mini.ts';

/** Field rules more than one context shares: a person's own words, region codes, skills, the T-number. */

/** A user's own words: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const municipalityCode = /* @__PURE__ */ z.pure(() =>
  z
    .string()
    .check(
      z.regex(/^\d{5}$/, 'A municipality code has 5 digits, e.g. 31370.'),
      z.refine(isMunicipalityCode, 'No municipality has this code.'),
    ),
);
export const prefectureCode = /* @__PURE__ */ z.pure(() =>
  z
    .string()
    .check(
      z.regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.'),
      z.refine(isPrefectureCode, 'No prefecture has this code.'),
    ),
);
export const regionCode = /* @__PURE__ */ z.pure(() =>
  z
    .string()
    .check(
      z.maxLength(20),
      z.refine(isRegionCode, 'No prefecture, municipality or wide-area group has this code.'),
    ),
);

/** Skills are tags: lower-case words joined by hyphens (Japanese words allowed), at most 20. */
export const skillTag = /* @__PURE__ */ z.pure(() =>
  z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.regex(
        /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u,
        'A skill is one word or words joined by hyphens, up to 30 characters.',
      ),
    ),
);
export const skills = /* @__PURE__ */ z.pure(() =>
  z.pipe(
    z.array(skillTag).check(z.maxLength(20)),
    z.transform((tags) => [...new Set(tags)]),
  ),
);

/** 適格請求書発行事業者登録番号: "T" followed by 13 digits. */
export const invoiceRegistrationNumber = /* @__PURE__ */ z.pure(() =>
  z
    .string()
    .check(z.regex(/^T\d{13}$/, 'A qualified-invoice registration number is T followed by 13 digits.')),
);

/** A resource id in a path. */
export const Id = /* @__PURE__ */ z.pure(() => z.strictObject({ id: z.uuid('Not a valid id.') }));

/** `?limit=&cursor=` of a list the API pages: 20 by default, at most 100; the cursor is the last page's nextCursor. */
export const PageQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  }),
);
