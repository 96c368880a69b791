/**
 * What the saved searches API returns and accepts: the shared contract (shared/searches), imported rather
 * than copied.
 */
import type * as z from 'zod';
import type { SavedSearchOut, UnsubscribedOut } from '#shared/searches/contract.ts';

export { MAX_SAVED_SEARCHES, SavedSearchInput, UNSUBSCRIBE_TOKEN } from '#shared/searches/rules.ts';

export type SavedSearch = z.output<typeof SavedSearchOut>;
export type Unsubscribed = z.output<typeof UnsubscribedOut>;
