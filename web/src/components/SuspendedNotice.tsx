import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isSuspended } from '../error-text.ts';
import { useMe } from '../me.ts';

/** Above every page of a suspended account: why nothing it does goes through. */
export function SuspendedNotice() {
  const { t } = useTranslation();
  const me = useMe();
  if (!isSuspended(me.error)) return null;
  return (
    <Container size="lg" px="md" pt="md">
      <Alert color="red" role="alert">
        {t('console.suspendedNotice')}
      </Alert>
    </Container>
  );
}
