import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../me.ts';
import { ConsoleNav } from './ConsoleNav.tsx';

/** A page of the operators' console (inside RequireSignIn): its menu, and a plain refusal for anyone else. */
export function OperatorPage({ title, children }: { title: string; children: () => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  return (
    <Page title={title} size="lg">
      {me.isError ? (
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data?.role !== 'operator' ? (
        <Alert color="red" role="alert">
          {t('admin.forbidden')}
        </Alert>
      ) : (
        <>
          <ConsoleNav />
          {children()}
        </>
      )}
    </Page>
  );
}
