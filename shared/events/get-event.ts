import { visibleEvent } from './access.ts';
import type { EventOut } from './contract.ts';
import { eventView } from './view.ts';

/** One event as anyone sees it; a draft only to its region's staff. */
export async function getEvent(eventId: string, viewerId?: string): Promise<EventOut> {
  return eventView(await visibleEvent(eventId, viewerId));
}
