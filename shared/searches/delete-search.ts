import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons, retryOnConflict } from '../data/transaction.ts';
import { NotFoundError } from '../domain/errors.ts';
import { savedSearches } from './saved-search.entity.ts';

/**
 * A professional deletes one of their saved searches; its digests stop with it.
 * 1. One transaction: the search, under the caller's own key (someone else's id finds nothing: 404), and one
 *    less in their tally.
 */
export async function deleteSearch(owner: User, id: string): Promise<void> {
  try {
    await retryOnConflict(() => savedSearches.remove(owner.userId, id, now()));
  } catch (error) {
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed')
      throw new NotFoundError('You have no saved search with this id.');
    throw error;
  }
}
