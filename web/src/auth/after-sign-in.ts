import type { QueryClient } from '@tanstack/react-query';
import { fetchMe, meKey } from '../me.ts';
import type { Session } from './session.ts';

/** Where a person goes once signed in: onboarding before they have a profile, else where they were going. */
export async function destinationAfterSignIn(
  queryClient: QueryClient,
  session: Session,
  next: string | null,
): Promise<string> {
  const me = await queryClient.fetchQuery({ queryKey: meKey(session.sub), queryFn: fetchMe, staleTime: 0 });
  if (!me) return '/onboarding';
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/me';
}
