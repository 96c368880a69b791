import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import type { EndingOut, TermsDocumentOut, TermsOut } from '#shared/terms/contract.ts';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';
import { engagementKeys } from '../engagements/queries.ts';

export type Terms = z.output<typeof TermsOut>;
export type TermsDocument = z.output<typeof TermsDocumentOut>;
type Ending = z.output<typeof EndingOut>;

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
const path = (id: string) => `/v1/engagements/${encodeURIComponent(id)}`;

/** The terms of an engagement: every version issued, and the current one (or the `version` asked for). */
export function useTerms(id: string, version?: number) {
  const session = useSession();
  const all = useQuery({
    queryKey: ['terms', id, session?.sub ?? ''],
    enabled: Boolean(session),
    queryFn: () => api<Terms>('GET', `${path(id)}/terms`),
    retry,
  });
  const one = useQuery({
    queryKey: ['terms', id, version, session?.sub ?? ''],
    enabled: Boolean(session) && version !== undefined,
    queryFn: () => api<TermsDocument>('GET', `${path(id)}/terms/${version}`),
    retry,
  });
  return { all, one };
}

/** The reason's disclosure: the professional asks (`ask`), the firm gives it (`give`). */
export function useEndingReason(id: string) {
  const queryClient = useQueryClient();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['terms', id] });
  };
  const ask = useMutation({
    mutationFn: () => api<Ending>('POST', `${path(id)}/ending-reason-request`),
    onSuccess: done,
  });
  const give = useMutation({
    mutationFn: (reason: string) => api<Ending>('PUT', `${path(id)}/ending-reason`, { reason }),
    onSuccess: done,
  });
  return { ask, give };
}
