import type { User } from '../accounts/user.entity.ts';
import { region, wideAreaGroup } from '../regions/index.ts';
import type { EventOut } from './contract.ts';
import { events, type KakehashiEvent, partitionFor } from './event.entity.ts';
import { eventView } from './view.ts';

const MAX = 200;

/**
 * The events of the caller's region, drafts and past ones included, soonest first: a prefecture's partition,
 * a municipality's, or (a wide-area group) each member's.
 */
export async function myEvents(staff: User): Promise<{ items: EventOut[] }> {
  const code = staff.regionCode;
  const kind = code ? region(code)?.kind : undefined;
  if (!code || !kind) return { items: [] };
  const partitions =
    kind === 'prefecture'
      ? [partitionFor({ prefecture: code })]
      : kind === 'municipality'
        ? [partitionFor({ municipality: code })]
        : (wideAreaGroup(code)?.municipalityCodes ?? []).map((m) => partitionFor({ municipality: m }));
  const pages = await Promise.all(partitions.map((p) => events.page(p, { published: false, limit: MAX })));
  const all: KakehashiEvent[] = pages.flatMap((p) => p.items);
  all.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { items: all.slice(0, MAX).map(eventView) };
}
