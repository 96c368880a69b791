import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api.ts';
import type { Project } from '../projects/types.ts';
import type {
  Account,
  AuditTrailPage,
  FeeIncome,
  HiddenPage,
  RegionStaff,
  Revoked,
  Suspension,
} from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const adminKeys = {
  staff: ['admin', 'staff'] as const,
  hidden: ['admin', 'hidden'] as const,
  audit: ['admin', 'audit'] as const,
  fees: (year: number) => ['admin', 'fees', year] as const,
  account: (query: string) => ['admin', 'account', query] as const,
};

/** Every change an operator makes shows in the trail and may change any console list: ask them all again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin'] }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
    ]);
}

export function useRevokeInvitation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (email: string) =>
      api<Revoked>('DELETE', `/v1/admin/region-staff/invitations/${encodeURIComponent(email)}`),
    onSettled: () => void refresh(),
  });
}

/** A console list a page at a time (`limit`, `cursor` → `nextCursor`). */
function usePaged<P extends { nextCursor: string | null }>(key: readonly string[], path: string) {
  return useInfiniteQuery({
    queryKey: key,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<P>('GET', `${path}?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
    staleTime: 0,
  });
}

/**
 * Region staff and pending invitations, a page of each at a time: the one cursor goes on in both lists, so
 * "more" adds to whichever still has some.
 */
export const useRegionStaff = () => usePaged<RegionStaff>(adminKeys.staff, '/v1/admin/region-staff');
export const useHiddenProjects = () => usePaged<HiddenPage>(adminKeys.hidden, '/v1/admin/projects/hidden');
export const useAuditTrail = () => usePaged<AuditTrailPage>(adminKeys.audit, '/v1/admin/audit');

export function useFeeIncome(year: number) {
  return useQuery({
    queryKey: adminKeys.fees(year),
    queryFn: () => api<FeeIncome>('GET', `/v1/admin/fees?year=${year}`),
    retry,
    staleTime: 0,
  });
}

/** The account of an e-mail address or a user id; nothing is asked before the operator names one. */
export function useAccount(query: { email: string } | { id: string } | undefined) {
  const qs = query ? new URLSearchParams(query).toString() : '';
  return useQuery({
    queryKey: adminKeys.account(qs),
    enabled: Boolean(query),
    queryFn: () => api<Account>('GET', `/v1/admin/users?${qs}`),
    retry,
    staleTime: 0,
  });
}

export function useSuspension() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ userId, suspend, reason }: { userId: string; suspend: boolean; reason: string }) =>
      api<Suspension>(
        'POST',
        `/v1/admin/users/${encodeURIComponent(userId)}/${suspend ? 'suspend' : 'restore'}`,
        {
          reason,
        },
      ),
    onSettled: () => void refresh(),
  });
}

export function useProjectVisibility() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, hide, reason }: { id: string; hide: boolean; reason: string }) =>
      api<Project>('POST', `/v1/admin/projects/${encodeURIComponent(id)}/${hide ? 'hide' : 'unhide'}`, {
        reason,
      }),
    onSettled: () => void refresh(),
  });
}
