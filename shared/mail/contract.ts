import * as z from 'zod';
import { MAIL_STATES } from './rules.ts';

/** `GET /v1/admin/mail`: the outbox as the operators see it. */
export const OutboxQuery = z.strictObject({
  status: z.enum(MAIL_STATES).default('undelivered'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1000).optional(),
});
export type OutboxQuery = z.output<typeof OutboxQuery>;

export const OutboxMailOut = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATES),
  attempts: z.number().int(),
  errorName: z.string(),
  httpStatus: z.number().int().optional(),
  /** When the retry-mail job tries it next (a mail still retrying). */
  nextAttemptAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxMailOut = z.output<typeof OutboxMailOut>;

export const OutboxPage = z.object({ items: z.array(OutboxMailOut), nextCursor: z.string().nullable() });
