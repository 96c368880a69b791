import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';
import type { SavedSearch, Unsubscribed } from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const searchKeys = {
  mine: (sub: string | undefined) => ['saved-searches', 'mine', sub ?? ''] as const,
};

/** `GET /v1/me/saved-searches`: the caller's saved searches, newest first. */
export function useMySavedSearches(enabled = true) {
  const session = useSession();
  return useQuery({
    queryKey: searchKeys.mine(session?.sub),
    enabled: Boolean(session) && enabled,
    queryFn: async () => (await api<{ items: SavedSearch[] }>('GET', '/v1/me/saved-searches')).items,
    retry,
    staleTime: 0,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  const session = useSession();
  return () => void queryClient.invalidateQueries({ queryKey: searchKeys.mine(session?.sub) });
}

export function useSaveSearch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<SavedSearch>('POST', '/v1/me/saved-searches', body),
    onSettled: refresh,
  });
}

export function useDeleteSearch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/v1/me/saved-searches/${encodeURIComponent(id)}`),
    onSettled: refresh,
  });
}

/** The mail's unsubscribe link: no sign-in, the token is the proof. */
export function useUnsubscribe() {
  return useMutation({
    mutationFn: ({ id, token }: { id: string; token: string }) =>
      api<Unsubscribed>('POST', `/v1/saved-searches/${encodeURIComponent(id)}/unsubscribe`, { token }),
  });
}
