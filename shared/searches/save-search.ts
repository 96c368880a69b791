import { randomBytes, randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons, retryOnConflict } from '../data/transaction.ts';
import { ConflictError } from '../domain/errors.ts';
import type { SavedSearchOut } from './contract.ts';
import { filtersOf, MAX_SAVED_SEARCHES, type SavedSearchInput } from './rules.ts';
import { type SavedSearch, savedSearches } from './saved-search.entity.ts';
import { showSavedSearch } from './view.ts';

/**
 * A professional saves a search of the search page.
 * 1. Keep its filters in the browse query's words (those that filter nothing dropped) and its name, if any.
 * 2. Its first digest covers only what is published from now on: `lastDigestAt` is the moment of saving.
 * 3. One transaction: the search (with its own unsubscribe token, in a digest shard) and the person's tally,
 *    under the cap of 20 (two saves at once cannot both be the 20th).
 */
export async function saveSearch(owner: User, input: SavedSearchInput): Promise<SavedSearchOut> {
  const at = now();
  const search: SavedSearch = {
    id: randomUUID(),
    userId: owner.userId,
    ...(input.name ? { name: input.name } : {}),
    filters: filtersOf(input),
    unsubscribeToken: randomBytes(32).toString('base64url'),
    lastDigestAt: at,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await retryOnConflict(() => savedSearches.save(search));
  } catch (error) {
    if (cancellationReasons(error)[1] === 'ConditionalCheckFailed')
      throw new ConflictError(
        `You have ${MAX_SAVED_SEARCHES} saved searches already: delete one to save another.`,
        'saved_searches_full',
      );
    throw error;
  }
  return showSavedSearch(search);
}
