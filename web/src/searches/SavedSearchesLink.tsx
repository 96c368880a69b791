import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a professional's profile: the way to their saved searches and the mails they get from them. */
export function SavedSearchesLink() {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      mt="lg"
      component="section"
      aria-labelledby="saved-searches-link"
    >
      <Title order={2} size="h4" id="saved-searches-link" mb="xs">
        {t('searches.listTitle')}
      </Title>
      <Text mb="sm">{t('searches.profileLead')}</Text>
      <Anchor component={Link} to="/saved-searches">
        {t('searches.seeList')}
      </Anchor>
    </Paper>
  );
}
