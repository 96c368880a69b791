import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

/** The API's codes the app words itself, in the person's language (the API answers in English). */
const WORDED: Record<string, string> = { account_suspended: 'console.suspendedNotice' };

/** What the person reads of an error: a known code in their language, else the API's own message. */
export function errorText(t: TFunction, error: unknown): string {
  const key = error instanceof ApiError ? WORDED[error.code] : undefined;
  return key ? t(key) : ((error as Error)?.message ?? String(error));
}

export const isSuspended = (error: unknown) =>
  error instanceof ApiError && error.code === 'account_suspended';
