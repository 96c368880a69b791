import type { QueryClient } from '@tanstack/react-query';
import { isSuspended } from '../error-text.ts';
import { fetchMe, meKey } from '../me.ts';
import type { Session } from './session.ts';

/** A `next` parameter that stays on this site (a path, never `//other.host`), or undefined. */
export function safeNext(next: string | null | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/**
 * Where a person goes once signed in: onboarding before they have a profile (then on to where they
 * were going), else where they were going, else their profile (a suspended account: the home page).
 */
export async function destinationAfterSignIn(
  queryClient: QueryClient,
  session: Session,
  next: string | null,
): Promise<string> {
  const target = safeNext(next);
  const me = await queryClient
    .fetchQuery({ queryKey: meKey(session.sub), queryFn: fetchMe, staleTime: 0 })
    .catch((error: unknown) => {
      // A suspended account is signed in all the same: every page then says why it can do nothing.
      if (isSuspended(error)) return 'suspended' as const;
      throw error;
    });
  if (me === 'suspended') return target ?? '/';
  if (!me) return target ? `/onboarding?next=${encodeURIComponent(target)}` : '/onboarding';
  return target ?? '/me';
}
