import type { User } from '../accounts/user.entity.ts';
import type { SavedSearchOut } from './contract.ts';
import { savedSearches } from './saved-search.entity.ts';
import { showSavedSearch } from './view.ts';

/** The caller's saved searches, newest first: one consistent Query of their own partition. */
export async function mySavedSearches(owner: User): Promise<SavedSearchOut[]> {
  return (await savedSearches.mine(owner.userId)).map(showSavedSearch);
}
