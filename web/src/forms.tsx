import { Alert } from '@mantine/core';
import { schemaResolver, type UseFormReturnType } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { focusFirstInvalid, generalError, serverFieldErrors } from './profile/form-utils.ts';

/**
 * Forms check what they send with the API's own zod schemas (shared/…/rules.ts), so the person hears of
 * every problem the API would find, before anything is sent; the shared schemas' messages are the
 * API's (English), so each form words the issues it knows in the person's language.
 */

export type Issue = z.core.$ZodIssue & { input?: unknown };
export type FormErrors = Record<string, string>;

/** Where an issue or a server field error of a body path shows in the form: by default, its top-level field. */
export type Place = (path: readonly PropertyKey[]) => string | undefined;
export const topField: Place = (path) => (path.length ? String(path[0]) : undefined);

/**
 * The shared `schema` on the body `toBody` makes of the form's values, as a Mantine resolver (Mantine's
 * own standard-schema `schemaResolver`): each issue placed on a form field and worded by `word`, or shown
 * as the API words it when `word` does not know it.
 */
export function contractResolver<V>(
  schema: z.ZodType,
  toBody: (values: V) => unknown,
  word: (issue: Issue) => string | undefined,
  place: Place = topField,
) {
  const { t } = useTranslationless();
  return schemaResolver(
    {
      '~standard': {
        version: 1,
        vendor: 'kakehashi',
        validate: (values: unknown) => {
          const result = schema.safeParse(toBody(values as V), { reportInput: true });
          if (result.success) return { value: result.data };
          const issues = [];
          for (const issue of result.error.issues) {
            const at = place(issue.path);
            if (at === undefined) continue;
            issues.push({ path: [at], message: word(issue) ?? t(issue.message) });
          }
          return { issues };
        },
      },
    },
    { sync: true },
  );
}
