import type { TFunction } from 'i18next';
import { ApiError, fieldErrors } from '../api.ts';

/** A trimmed text, or undefined when empty (optional fields are left out of the body). */
export function optionalText(value: string): string | undefined {
  const v = value.trim();
  return v ? v : undefined;
}

/** A whole number within [min, max]; undefined when empty; NaN when it is not a valid one. */
export function optionalInt(value: string | number, min: number, max: number): number | undefined {
  if (value === '' || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : Number.NaN;
}

export const SKILL_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u;

/** As the API stores a skill: lower case, words joined by hyphens. */
export function normalizeSkill(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, '-');
}

/** The API's field errors of a refused save, keyed by body path, in the person's language. */
export function serverFieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    out[path] = t('profile.errors.server', { message });
  }
  return out;
}

/** A sentence for an error that is not about one field. */
export function generalError(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return error.fields.length ? t('profile.errors.failed') : `${t('common.error')} ${error.message}`;
  }
  return t('common.error');
}

/** Moves the focus to the first field marked invalid, once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
