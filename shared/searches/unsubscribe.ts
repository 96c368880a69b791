import { timingSafeEqual } from 'node:crypto';
import { now } from '../data/entity.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { UnsubscribedOut } from './contract.ts';
import { savedSearches } from './saved-search.entity.ts';
import { summaryOf } from './view.ts';

const notFound = () =>
  new NotFoundError('This unsubscribe link is not valid, or its saved search has been deleted.');

/**
 * The unsubscribe link of a digest, without signing in: the token in the link is the proof.
 * 1. Find the search by its id (the link carries nothing else); compare the token in constant time.
 * 2. Stop its digests, under the condition that the token is still its own; a second click changes nothing.
 *    A wrong token, like an unknown id, is a 404 and changes nothing.
 */
export async function unsubscribe(id: string, token: string): Promise<UnsubscribedOut> {
  const search = await savedSearches.byId(id);
  const given = Buffer.from(token);
  const known = Buffer.from(search?.unsubscribeToken ?? '');
  if (!search || given.length !== known.length || !timingSafeEqual(given, known)) throw notFound();
  const done = await savedSearches.unsubscribe(search, token, now());
  if (!done?.unsubscribedAt) throw notFound();
  return {
    id: done.id,
    ...(done.name ? { name: done.name } : {}),
    summary: summaryOf(done.filters),
    unsubscribedAt: done.unsubscribedAt,
  };
}
