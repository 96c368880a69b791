import type { OutboxMailOut, OutboxQuery } from './contract.ts';
import { outbox } from './outbox.entity.ts';

/** `GET /v1/admin/mail`: one state of the outbox, a page at a time (the text stays out: the subject says enough). */
export async function listOutbox(query: OutboxQuery) {
  const page = await outbox.page(query.status, query);
  const items: OutboxMailOut[] = page.items.map(({ text, ...mail }) => mail);
  return { items, nextCursor: page.nextCursor };
}
