import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { LoadError } from './Loading.tsx';
import { Page } from './Page.tsx';

/**
 * The page of a thing that could not be loaded: "not found" when the API says it is not there (or not the
 * caller's), the error with a retry otherwise, and a way back either way.
 */
export function MissingOrError(p: {
  error: unknown;
  onRetry: () => void;
  /** Statuses that mean "not there for you". */
  missingStatuses: number[];
  notFoundTitle: string;
  notFoundBody: string;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const missing = p.error instanceof ApiError && p.missingStatuses.includes(p.error.status);
  return (
    <Page title={missing ? p.notFoundTitle : t('common.error')}>
      {missing ? <Text mb="lg">{p.notFoundBody}</Text> : <LoadError error={p.error} onRetry={p.onRetry} />}
      <Button component={Link} to={p.back.to} mt="md">
        {p.back.label}
      </Button>
    </Page>
  );
}
