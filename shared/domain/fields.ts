import * as z from 'zod';
import { isMunicipalityCode, isPrefectureCode, isRegionCode } from '../regions/valid-codes.ts';

/** Field rules more than one context shares: a person's own words, region codes, skills, the T-number. */

/** A user's own words: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const municipalityCode = z
  .string()
  .regex(/^\d{5}$/, 'A municipality code has 5 digits, e.g. 31370.')
  .refine(isMunicipalityCode, 'No municipality has this code.');
export const prefectureCode = z
  .string()
  .regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.')
  .refine(isPrefectureCode, 'No prefecture has this code.');
export const regionCode = z
  .string()
  .max(20)
  .refine(isRegionCode, 'No prefecture, municipality or wide-area group has this code.');

/** Skills are tags: lower-case words joined by hyphens (Japanese words allowed), at most 20. */
export const skillTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u,
    'A skill is one word or words joined by hyphens, up to 30 characters.',
  );
export const skills = z
  .array(skillTag)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

/** 適格請求書発行事業者登録番号: "T" followed by 13 digits. */
export const invoiceRegistrationNumber = z
  .string()
  .regex(/^T\d{13}$/, 'A qualified-invoice registration number is T followed by 13 digits.');

/** A resource id in a path. */
export const Id = z.strictObject({ id: z.uuid('Not a valid id.') });

/** `?limit=&cursor=` of a list the API pages: 20 by default, at most 100; the cursor is the last page's nextCursor. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});
