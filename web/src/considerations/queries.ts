import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import type { ConsiderationList, ConsiderationRequestOut } from '#shared/considerations/contract.ts';
import type { ConsiderationAnswerInput, ConsiderationRequestInput } from '#shared/considerations/rules.ts';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';

export type ConsiderationRequest = z.output<typeof ConsiderationRequestOut>;
type List = z.output<typeof ConsiderationList>;

const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;
const path = (id: string) => `/v1/engagements/${encodeURIComponent(id)}/consideration-requests`;

/** An engagement's requests for consideration as the caller sees them; making one; answering one. */
export function useConsiderations(id: string) {
  const session = useSession();
  const queryClient = useQueryClient();
  const key = ['considerations', id, session?.sub ?? ''];
  const list = useQuery({
    queryKey: key,
    enabled: Boolean(session),
    queryFn: () => api<List>('GET', path(id)),
    retry,
  });
  const done = () => void queryClient.invalidateQueries({ queryKey: ['considerations', id] });
  const create = useMutation({
    mutationFn: (body: z.output<typeof ConsiderationRequestInput>) =>
      api<ConsiderationRequest>('POST', path(id), body),
    // Shown at once, under the ones before it; then read again.
    onSuccess: (made) => {
      queryClient.setQueryData<List>(key, (old) => (old ? { items: [...old.items, made] } : old));
      done();
    },
  });
  const answer = useMutation({
    mutationFn: ({ requestId, ...body }: z.output<typeof ConsiderationAnswerInput> & { requestId: string }) =>
      api<ConsiderationRequest>('PUT', `${path(id)}/${encodeURIComponent(requestId)}/answer`, body),
    // Refused as answered already (409): the list shows the answer that stands.
    onSettled: done,
  });
  return { list, create, answer };
}
