import type { TFunction } from 'i18next';
import { ApiError, fieldErrors } from '../api.ts';
import { errorText } from '../error-text.ts';

/** As the API stores a skill: lower case, words joined by hyphens (the API then checks it). */
export function normalizeSkill(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, '-');
}

/** A registration number as typed: full-width letters and digits (a Japanese IME) as ASCII, no spaces or dashes. */
export function normalizeRegistrationNumber(typed: string): string {
  return typed.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
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
    return error.fields.length ? t('profile.errors.failed') : `${t('common.error')} ${errorText(t, error)}`;
  }
  return t('common.error');
}

/** Moves the focus to the first field marked invalid, once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
