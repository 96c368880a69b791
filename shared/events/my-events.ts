import type { User } from '../accounts/user.entity.ts';
import type { PageRequest } from '../data/query.ts';
import { region, wideAreaGroup } from '../regions/index.ts';
import type { EventOut } from './contract.ts';
import { type EventPartition, events, partitionFor } from './event.entity.ts';
import { LONGEST_EVENT_DAYS } from './rules.ts';
import { eventView } from './view.ts';

/** Where a staff member's region keeps its events: a prefecture's partition, a town's, or each member's of a group. */
function regionPartitions(regionCode: string | undefined): EventPartition[] {
  const kind = regionCode ? region(regionCode)?.kind : undefined;
  if (!regionCode || !kind) return [];
  if (kind === 'prefecture') return [partitionFor({ prefecture: regionCode })];
  if (kind === 'municipality') return [partitionFor({ municipality: regionCode })];
  return (wideAreaGroup(regionCode)?.municipalityCodes ?? []).map((m) => partitionFor({ municipality: m }));
}

/**
 * The events of the caller's region, drafts included, a page at a time: the coming ones (not ended at `now`)
 * soonest first, or the past ones latest first.
 */
export async function myEvents(
  staff: User,
  query: PageRequest & { when: 'coming' | 'past' },
  now: Date,
): Promise<{ items: EventOut[]; nextCursor: string | null }> {
  const partitions = regionPartitions(staff.regionCode);
  if (partitions.length === 0) return { items: [], nextCursor: null };
  const page = await events.acrossPartitions(partitions, {
    when: query.when,
    now,
    longestDays: LONGEST_EVENT_DAYS,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items.map(eventView), nextCursor: page.nextCursor };
}
