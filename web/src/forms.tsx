import { Alert } from '@mantine/core';
import { schemaResolver } from '@mantine/form';
import type { TFunction } from 'i18next';
import { type ReactNode, type SyntheticEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from '#shared/zod-mini.ts';
import { focusFirstInvalid, generalError, serverFieldErrors } from './profile/form-utils.ts';

/**
 * Forms check what they send with the API's own zod schemas (shared/…/rules.ts): the person hears of
 * every problem the API would find, at once and before anything is sent. The shared schemas word their
 * issues in English, as the API does; each form words the issues it knows in the person's language and
 * shows the others as the API would answer them.
 */

export type Issue = z.core.$ZodIssue & { input?: unknown };
export type FormErrors = Record<string, string>;
type FormEvent = SyntheticEvent<HTMLFormElement>;

/** What of a Mantine form (`useForm`) sending needs. */
interface SubmittableForm<V> {
  errors: Record<string, ReactNode>;
  setErrors(errors: FormErrors): void;
  onSubmit(
    handle: (values: V, event: FormEvent | undefined) => Promise<void>,
    fail: () => void,
  ): (event?: FormEvent) => void;
}

/** Which form field an issue (or a server field error) at a body path belongs to; undefined: none. */
export type Place = (path: readonly PropertyKey[]) => string | undefined;
/** By default, the body's top-level field: `skills.2` is an error of `skills`. */
export const topField: Place = (path) => (path.length ? String(path[0]) : undefined);

/**
 * Mantine's standard-schema resolver on the shared `schema`, checking the body `toBody` makes of the
 * form's values; each issue placed on a form field and worded by `word` (the API's words otherwise).
 */
export function contractResolver<V>(
  t: TFunction,
  schema: z.ZodMiniType,
  toBody: (values: V) => unknown,
  word: (issue: Issue) => string | undefined,
  place: Place = topField,
): (values: V) => FormErrors {
  return schemaResolver(
    {
      '~standard': {
        version: 1,
        vendor: 'kakehashi',
        validate: (values: unknown) => {
          const result = schema.safeParse(toBody(values as V), { reportInput: true });
          if (result.success) return { value: result.data };
          const issues: { path: [string]; message: string }[] = [];
          for (const issue of result.error.issues) {
            const at = place(issue.path);
            if (at === undefined) continue;
            issues.push({
              path: [at],
              message: word(issue) ?? t('profile.errors.server', { message: issue.message }),
            });
          }
          return { issues };
        },
      },
    },
    { sync: true },
  ) as (values: V) => FormErrors;
}

/** The body a valid form sends: the shared schema's output (trimmed, de-duplicated) of `toBody(values)`. */
export function bodyOf<S extends z.ZodMiniType, V>(
  schema: S,
  toBody: (values: V) => unknown,
  values: V,
): z.output<S> {
  return schema.parse(toBody(values));
}

type Bounds = { min: number; max: number };
type Limits = {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};
const known = new WeakMap<z.core.$ZodType, Bounds>();

/**
 * The bounds a shared schema puts on a number, a text's length or a list's size (what its `.min()` and
 * `.max()` say, read through zod's JSON Schema of what it accepts), so that hints, `maxLength` and
 * messages say what the API checks without copying it.
 */
export function bounds(schema: z.core.$ZodType): Bounds {
  let found = known.get(schema);
  if (!found) {
    // What it gives out, or (past a transform, which JSON Schema cannot describe) what it takes in.
    const [out, input] = (['output', 'input'] as const).map(
      (io) => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Limits,
    ) as [Limits, Limits];
    const min = (j: Limits) => j.minimum ?? j.minLength ?? j.minItems;
    const max = (j: Limits) => j.maximum ?? j.maxLength ?? j.maxItems;
    found = {
      min: min(out) ?? min(input) ?? Number.NEGATIVE_INFINITY,
      max: max(out) ?? max(input) ?? Number.POSITIVE_INFINITY,
    };
    known.set(schema, found);
  }
  return found;
}

/** A range of numbers as messages write it: 5,000 and 1,000,000. */
export function range(schema: z.core.$ZodType): { min: string; max: string } {
  const { min, max } = bounds(schema);
  return { min: min.toLocaleString('en'), max: max.toLocaleString('en') };
}

/**
 * What every form does around sending: before, the errors the check found, with a summary on top and the
 * focus on the first field in error; after a refused save, the API's field errors next to their fields
 * (placed by `place`) and a sentence for the rest. The summary goes once every field is fixed.
 */
export function useFormSubmit<V>(
  form: SubmittableForm<V>,
  place: Place = topField,
  /** The summary's words, for a form that saves something other than a profile. */
  failedKey = 'profile.errors.failed',
) {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string>();
  const failed = t(failedKey);

  const submit =
    (handler: (values: V, event: FormEvent | undefined) => Promise<void>) => (event?: FormEvent) => {
      const element = (event?.currentTarget as HTMLFormElement | undefined) ?? null;
      setGeneral(undefined);
      form.onSubmit(
        async (values: V) => {
          try {
            await handler(values, event);
          } catch (error) {
            const placed: FormErrors = {};
            for (const [path, message] of Object.entries(serverFieldErrors(t, error))) {
              const at = place(path.split('.')) ?? path;
              placed[at] ??= message;
            }
            form.setErrors(placed);
            const sentence = generalError(t, error);
            setGeneral(sentence === t('profile.errors.failed') ? failed : sentence);
            focusFirstInvalid(element);
          }
        },
        () => {
          setGeneral(failed);
          focusFirstInvalid(element);
        },
      )(event);
    };

  const shown = general === failed && Object.keys(form.errors).length === 0 ? undefined : general;
  return { general: shown, submit };
}

/** The sentence on top of a form that could not be sent. */
/** A person's own words missing or too long: the message for it, with the limit from the schema. */
export function textIssue(issue: Issue, t: TFunction, required: string): string | undefined {
  if (issue.code === 'too_small') return t(required);
  if (issue.code === 'too_big') return t('editor.errors.tooLong', { max: issue.maximum });
  return undefined;
}

export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
