import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundTitle')}>
      <Text mb="lg">{t('common.notFoundBody')}</Text>
      <Button component={Link} to="/">
        {t('common.backHome')}
      </Button>
    </Page>
  );
}
