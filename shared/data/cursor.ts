import { ValidationError } from '../domain/errors.ts';
import type * as z from '../zod-mini.ts';

/**
 * A page's cursor: the DynamoDB key of its last item, as opaque base64url JSON. Reading one back accepts only a
 * key of the same list (`belongs`), so a made-up or foreign cursor is a 400 naming `query.cursor`, never a
 * start key DynamoDB refuses with a 500.
 */
export const encodeCursor = (key: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<T>(
  cursor: string,
  schema: z.ZodMiniType<T>,
  belongs: (key: T) => boolean,
  list = 'list',
): T {
  try {
    const key = schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (belongs(key)) return key;
  } catch {}
  throw new ValidationError(`The cursor is not valid for this ${list}.`, [
    { path: 'query.cursor', message: `Use the nextCursor of the previous page of the same ${list}.` },
  ]);
}
