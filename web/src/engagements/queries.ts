import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiFile } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { usePagedList } from '../paged-list.tsx';
import type {
  Earnings,
  Engagement,
  EngagementAction,
  Invoice,
  PayoutStatus,
  PlatformSettings,
  PlatformSettingsBody,
  Share,
} from './types.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (sub: string | undefined) => ['engagements', 'list', sub ?? ''] as const,
  one: (id: string, sub: string | undefined) => ['engagements', 'one', id, sub ?? ''] as const,
  invoices: (id: string, sub: string | undefined) => ['engagements', 'invoices', id, sub ?? ''] as const,
  payouts: (sub: string | undefined) => ['payouts', sub ?? ''] as const,
  earnings: (year: number, sub: string | undefined) => ['earnings', year, sub ?? ''] as const,
  settings: ['admin', 'settings'] as const,
};

export function useEngagements() {
  const session = useSession();
  return usePagedList<Engagement>(engagementKeys.list(session?.sub), '/v1/engagements', Boolean(session));
}

/**
 * One engagement. `poll` asks again every second while it holds: after paying, the state turns
 * active only once Stripe's webhook has arrived.
 */
export function useEngagement(id: string, poll: (e: Engagement | undefined) => boolean = () => false) {
  const session = useSession();
  return useQuery({
    queryKey: engagementKeys.one(id, session?.sub),
    enabled: Boolean(session),
    queryFn: () => api<Engagement>('GET', `/v1/engagements/${encodeURIComponent(id)}`),
    retry,
    staleTime: 0,
    refetchInterval: (query) => (poll(query.state.data) ? 1_000 : false),
  });
}

/** An engagement's invoices; `poll` as for the engagement (the first invoice follows the payment). */
export function useInvoices(
  id: string,
  enabled = true,
  poll: (rows: Invoice[] | undefined) => boolean = () => false,
) {
  const session = useSession();
  return useQuery({
    queryKey: engagementKeys.invoices(id, session?.sub),
    enabled: Boolean(session) && enabled,
    queryFn: async () =>
      (await api<{ items: Invoice[] }>('GET', `/v1/engagements/${encodeURIComponent(id)}/invoices`)).items,
    retry,
    staleTime: 0,
    refetchInterval: (query) => (poll(query.state.data) ? 1_000 : false),
  });
}

export function useEngagementAction() {
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: EngagementAction }) =>
      api<Engagement>('POST', `/v1/engagements/${encodeURIComponent(id)}/${action}`),
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.one(engagement.id, session?.sub), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}

/** `PUT …/shares` (the team's director): the shares that apply from the next paid month. */
export function useSaveShares() {
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: ({ id, shares }: { id: string; shares: Share[] }) =>
      api<Engagement>('PUT', `/v1/engagements/${encodeURIComponent(id)}/shares`, { shares }),
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.one(engagement.id, session?.sub), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}

/** `POST …/checkout` and `POST /v1/billing/portal` answer a Stripe page to go to. */
export function useCheckout() {
  return useMutation({
    mutationFn: (id: string) =>
      api<{ url: string }>('POST', `/v1/engagements/${encodeURIComponent(id)}/checkout`),
  });
}

export function useBillingPortal() {
  return useMutation({ mutationFn: () => api<{ url: string }>('POST', '/v1/billing/portal') });
}

export function usePayouts(poll: (s: PayoutStatus | undefined) => boolean = () => false) {
  const session = useSession();
  return useQuery({
    queryKey: engagementKeys.payouts(session?.sub),
    enabled: Boolean(session),
    queryFn: async () => (await api<{ status: PayoutStatus }>('GET', '/v1/me/payouts')).status,
    retry,
    staleTime: 0,
    refetchInterval: (query) => (poll(query.state.data) ? 1_000 : false),
  });
}

export function useOnboarding() {
  return useMutation({ mutationFn: () => api<{ url: string }>('POST', '/v1/me/payouts/onboarding') });
}

export function useEarnings(year: number) {
  const session = useSession();
  return useQuery({
    queryKey: engagementKeys.earnings(year, session?.sub),
    enabled: Boolean(session),
    queryFn: () => api<Earnings>('GET', `/v1/me/earnings?year=${year}`),
    retry,
    staleTime: 0,
  });
}

/** The year's statement as the API writes it (CSV, UTF-8 with BOM), saved under a name with the year. */
export async function downloadEarningsCsv(year: number): Promise<void> {
  const blob = await apiFile(`/v1/me/earnings?year=${year}&format=csv`, 'text/csv');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `kakehashi-earnings-${year}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function usePlatformSettings(enabled = true) {
  return useQuery({
    queryKey: engagementKeys.settings,
    enabled,
    queryFn: () => api<PlatformSettings>('GET', '/v1/admin/settings'),
    retry,
    staleTime: 0,
  });
}

export function useSavePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlatformSettingsBody) => api<PlatformSettings>('PUT', '/v1/admin/settings', input),
    onSuccess: (saved) => queryClient.setQueryData(engagementKeys.settings, saved),
  });
}
