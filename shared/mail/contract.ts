import * as z from '../zod-mini.ts';
import { MAIL_STATES } from './rules.ts';

/** `GET /v1/admin/mail`: the outbox as the operators see it. */
export const OutboxQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    status: z._default(z.enum(MAIL_STATES), 'undelivered'),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }),
);
export type OutboxQuery = z.output<typeof OutboxQuery>;

export const OutboxMailOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    to: z.string(),
    template: z.string(),
    subject: z.string(),
    status: z.enum(MAIL_STATES),
    attempts: z.number().check(z.int()),
    errorName: z.string(),
    httpStatus: z.optional(z.number().check(z.int())),
    /** When the retry-mail job tries it next (a mail still retrying). */
    nextAttemptAt: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export type OutboxMailOut = z.output<typeof OutboxMailOut>;

export const OutboxPage = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(OutboxMailOut), nextCursor: z.nullable(z.string()) }),
);
