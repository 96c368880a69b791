import { Paper, Stack, type StackProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadError, Loading } from './Loading.tsx';

/** What of a TanStack query (or infinite query) a shell reads. */
export type ShellQuery<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
};

/**
 * What a page shows of what it fetched: a spinner while pending, the error with a retry, `empty` when
 * there is nothing (as `isEmpty` says), the content otherwise.
 */
export function QueryShell<T>({
  query,
  isEmpty = () => false,
  empty,
  children,
}: {
  query: ShellQuery<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (empty !== undefined && isEmpty(data)) return empty;
  return children(data);
}

/** The box of an empty list: a sentence, and what to do instead. */
export function EmptyBox({ text, children }: { text: ReactNode; children?: ReactNode }) {
  return (
    <Paper withBorder p="xl" ta="center">
      <Text mb={children ? 'md' : undefined}>{text}</Text>
      {children}
    </Paper>
  );
}

/**
 * A list page's shell: pending, error, empty (`empty`, usually an `EmptyBox`) or the items, one `li`
 * each in an unstyled list.
 */
export function ListShell<T>({
  query,
  empty,
  keyOf,
  gap = 'md',
  children,
}: {
  query: ShellQuery<T[]>;
  empty: ReactNode;
  keyOf: (item: T) => string;
  gap?: StackProps['gap'];
  children: (item: T) => ReactNode;
}) {
  return (
    <QueryShell query={query} isEmpty={(items) => items.length === 0} empty={empty}>
      {(items) => (
        <Stack component="ul" gap={gap} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={keyOf(item)}>{children(item)}</li>
          ))}
        </Stack>
      )}
    </QueryShell>
  );
}
