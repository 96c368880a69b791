import { Button, Group } from '@mantine/core';
import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from './api.ts';

/** Client errors are answers, not hiccups: retry only what might pass the second time. */
const retry = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/**
 * A list the API pages with `limit` and `cursor` (`{ items, nextCursor }`; `path` may have a query of its own),
 * read a page at a time: `data` is
 * every item read so far, `fetchNextPage` reads the next page while `hasNextPage` says there is one.
 */
export function usePagedList<T>(key: QueryKey, path: string, enabled: boolean, limit = 20) {
  return useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<{ items: T[]; nextCursor: string | null }>(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
    retry,
    staleTime: 0,
  });
}

/** "Show more" under a paged list, while there is more. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" mt="lg">
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {t('projects.loadMore')}
      </Button>
    </Group>
  );
}
