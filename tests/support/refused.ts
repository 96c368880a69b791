import { expect } from 'vitest';
import type { Answer } from './api.ts';

/**
 * What every refusal of bad input must be: a 4xx (never a 5xx) with the error shape (a code, a message for
 * people, well-formed field paths), nothing of the server's insides, and, where a field is named, the field.
 */
export function expectRefused(answer: Answer, input: unknown, field?: string) {
  const context = `${JSON.stringify(input)?.slice(0, 200)} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(400);
  expect(answer.status, context).toBeLessThan(500);
  expect(typeof answer.body?.error?.code, context).toBe('string');
  expect(typeof answer.body?.error?.message, context).toBe('string');
  expect(JSON.stringify(answer.body), context).not.toMatch(/at .*\.ts:\d+|Exception|stack/);
  const fields = answer.body.error.fields;
  if (fields !== undefined) {
    expect(Array.isArray(fields), context).toBe(true);
    for (const f of fields) {
      expect(typeof f.path, context).toBe('string');
      expect(typeof f.message, context).toBe('string');
    }
  }
  if (field)
    expect(
      (fields ?? []).some((f: { path: string }) => f.path.startsWith(field)),
      context,
    ).toBe(true);
}
