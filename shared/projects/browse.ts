import { type ListingCursor, type ListingEntry, listings, plan } from './listing.entity.ts';
import { projects } from './project.entity.ts';
import type { BrowseQuery } from './rules.ts';
import { projectView } from './view.ts';

export { plan };

/** Reads per page at most: a very selective filter returns a shorter page with a cursor, never a long wait. */
const MAX_READS = 5;

/**
 * Open projects, newest first, filtered, one page. A Query on one listing partition (never a Scan), the
 * other filters applied by DynamoDB, then one BatchGetItem for the projects themselves.
 */
export async function browseProjects(query: BrowseQuery, measure?: { readUnits: number }) {
  const search = plan(query);
  let start = query.cursor ? listings.decodeCursor(query.cursor, search.partition) : undefined;
  const found: ListingEntry[] = [];
  let nextKey: ListingCursor | undefined;
  for (let read = 0; read < MAX_READS; read++) {
    const page = await listings.read(search, { limit: Math.max(query.limit * 2, 40), start, measure });
    for (const item of page.entries) {
      if (found.length === query.limit) break;
      found.push(item);
    }
    start = page.next;
    if (found.length === query.limit) {
      const last = found.at(-1) as ListingEntry;
      nextKey = { PK: last.PK, SK: last.SK };
      break;
    }
    if (!start) break;
    nextKey = start;
  }
  const page = await projects.byIds(found.map((entry) => entry.projectId));
  // A listing can outlive its project's closing or hiding by a moment (it is maintained from the stream).
  const items = page.filter((p) => p.status === 'open' && !p.hidden).map(projectView);
  return { items, nextCursor: nextKey ? listings.encodeCursor(nextKey) : null };
}
