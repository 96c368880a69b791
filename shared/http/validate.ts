import type { z } from 'zod';
import { type FieldError, ValidationError } from '../domain/errors.ts';
import type { Schema } from './route.ts';

/** Parses input with a zod schema; failures become a 400 that names each field path. */
export function validate<S extends Schema>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.output<S>;
  const fields: FieldError[] = result.error.issues.slice(0, 20).map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(`The ${where === 'path' ? 'path' : `request ${where}`} is not valid.`, fields);
}
