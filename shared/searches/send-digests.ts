import { type User, users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { sendMail } from '../mail/send.ts';
import { listings, plan } from '../projects/listing.entity.ts';
import { projects } from '../projects/project.entity.ts';
import { projectView } from '../projects/view.ts';
import { searchMails } from './mails.ts';
import { DIGEST_MAX_PROJECTS, digestWindow, titleOf } from './rules.ts';
import { DIGEST_SHARDS, type SavedSearch, savedSearches } from './saved-search.entity.ts';
import { placeNames, searchPath } from './view.ts';

export type DigestRun = { searches: number; mailed: number; projects: number };

/** Searches digested at once: each is a few small reads and writes, and SES takes a handful of mails a second. */
const AT_ONCE = 8;

/**
 * The morning job, at `at` (the schedule's time, which tests set): each mailed search gets one mail listing the
 * projects published since its last digest that match it, or nothing when there are none.
 * 1. List the mailed searches shard by shard (ten index partitions, a page at a time; never a Scan).
 * 2. For each, its window: from its last digest to `at` less the settling time (nothing to do when empty).
 * 3. Read the window on the listing partition its filters choose, its other filters applied by DynamoDB,
 *    at most 20 entries; then the projects themselves, dropping any closed or hidden meanwhile.
 * 4. Claim the window by moving `lastDigestAt` forward under a condition: a run repeated, or two at once,
 *    cannot both claim it, so nobody is mailed twice. Windows without new projects move on too, unmailed.
 * 5. Mail the owner (ja + en) with the projects, "and N more", the search's link and the unsubscribe link;
 *    a mail that fails gives its window back for the next run.
 * A run that stops halfway is finished by the next one: what was claimed is done, the rest is still due.
 */
export async function sendSearchDigests(at: Date): Promise<DigestRun> {
  const run: DigestRun = { searches: 0, mailed: 0, projects: 0 };
  for (let bucket = 0; bucket < DIGEST_SHARDS; bucket++) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await savedSearches.mailed(bucket, start);
      start = page.next;
      const owners = await users.byIds(page.searches.map((s) => s.userId));
      for (let i = 0; i < page.searches.length; i += AT_ONCE) {
        await Promise.all(
          page.searches.slice(i, i + AT_ONCE).map(async (search) => {
            run.searches++;
            const sent = await digest(search, owners.get(search.userId), at);
            if (sent) {
              run.mailed++;
              run.projects += sent;
            }
          }),
        );
      }
    } while (start);
  }
  return run;
}

/** One search's digest: the number of projects mailed (0: nothing new, or not this run's to send). */
async function digest(search: SavedSearch, owner: User | undefined, at: Date): Promise<number> {
  const window = digestWindow(search.lastDigestAt, at);
  if (!window) return 0;
  const found = await listings.publishedBetween(
    plan({ ...search.filters, limit: DIGEST_MAX_PROJECTS }),
    window,
    DIGEST_MAX_PROJECTS,
  );
  const listed = await projects.byIds(found.entries.map((e) => e.projectId));
  // A listing can outlive its project's closing or hiding by a moment: a hidden project is never mailed.
  const fresh = listed.filter((p) => p.status === 'open' && !p.hidden).map(projectView);
  if (!(await savedSearches.claimDigest(search, window))) return 0;
  if (!fresh.length || !owner?.email || owner.role !== 'professional') return 0;
  const mail = searchMails.digest({
    title: { ja: titleOf(search, 'ja', placeNames), en: titleOf(search, 'en', placeNames) },
    projects: fresh,
    more: Math.max(0, found.matched - found.entries.length),
    appUrl: config().WEB_ORIGIN,
    searchPath: searchPath(search.filters),
    unsubscribePath: `/unsubscribe?${new URLSearchParams({ search: search.id, token: search.unsubscribeToken })}`,
  });
  try {
    await sendMail(owner.email, mail);
    return fresh.length;
  } catch (error) {
    logger.warn('digest not sent; its window goes back for the next run', { error: error as Error });
    await savedSearches.releaseDigest(search, window);
    return 0;
  }
}
