import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './api.ts';
import { useSession } from './auth/session.ts';
import type { Profile, ProfileInput } from './types.ts';

export const meKey = (sub: string | undefined) => ['me', sub] as const;

/** `GET /v1/me`; `null` before onboarding (the API answers 404). */
export async function fetchMe(): Promise<Profile | null> {
  try {
    return await api<Profile>('GET', '/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The signed-in user's profile; `null` before onboarding. */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: meKey(session?.sub),
    enabled: Boolean(session),
    queryFn: fetchMe,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: (input: ProfileInput) => api<Profile>('PUT', '/v1/me', input),
    onSuccess: (profile) => queryClient.setQueryData(meKey(session?.sub), profile),
  });
}
