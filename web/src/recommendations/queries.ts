import { useQuery } from '@tanstack/react-query';
import type { RecommendationList } from '#shared/recommendations/contract.ts';
import { ApiError, api } from '../api.ts';
import { useSession } from '../auth/session.ts';

export type { RecommendationList };
export type Recommendation = RecommendationList['items'][number];

/** `GET /v1/me/recommendations`: asked again on every visit, since a profile edit changes the order. */
export function useRecommendations() {
  const session = useSession();
  return useQuery({
    queryKey: ['recommendations', session?.sub ?? ''],
    enabled: Boolean(session),
    queryFn: () => api<RecommendationList>('GET', '/v1/me/recommendations'),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 0,
  });
}
