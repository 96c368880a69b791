import type { EventOut } from './contract.ts';
import { events, partitionFor } from './event.entity.ts';
import type { EventQuery } from './rules.ts';
import { eventView } from './view.ts';

/**
 * The public calendar: published events from `from` (default now), soonest first.
 * One Query of the narrowest partition the query names (a municipality, a prefecture, or everything
 * published), the rest as filters; pages are filled up to the limit.
 */
export async function browseEvents(
  q: EventQuery,
  at: Date,
): Promise<{ items: EventOut[]; nextCursor: string | null }> {
  const page = await events.page(partitionFor(q), {
    from: q.from ?? at.toISOString(),
    ...(q.kind ? { kind: q.kind } : {}),
    published: true,
    limit: q.limit ?? 20,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  });
  return { items: page.items.map(eventView), nextCursor: page.nextCursor };
}
