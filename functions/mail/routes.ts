import { line } from '#shared/http/route.ts';
import { OutboxPage, OutboxQuery } from '#shared/mail/contract.ts';

/** The mail context's lines: what SES refused, as the operators follow it up. */
export const outboxMail = /* @__PURE__ */ line('GET /v1/admin/mail', {
  handler: 'mail/outbox-mail',
  access: ['operator'],
  tag: 'admin',
  summary:
    'Mail SES refused: `status=undelivered` (default, given up, latest first) or `status=retrying` (waiting for the retry-mail job, soonest first), a page at a time.',
  needs: { table: 'read' },
  query: OutboxQuery,
  response: OutboxPage,
});
