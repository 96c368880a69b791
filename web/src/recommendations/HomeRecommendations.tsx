import { Anchor, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryShell } from '../components/ListShell.tsx';
import { useRecommendations } from './queries.ts';
import { NewestNotice, NoRecommendations, RecommendationCards } from './RecommendationCards.tsx';

/** How many the home page shows; the rest are on /recommendations. */
const ON_HOME = 4;

/** The home page's "Recommended for you" for a signed-in professional (its own chunk, loaded for them only). */
export default function HomeRecommendations() {
  const { t } = useTranslation();
  const list = useRecommendations();
  return (
    <section aria-labelledby="recommended" style={{ marginBottom: 48 }}>
      <Group justify="space-between" align="baseline" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} id="recommended">
          {t('recommendations.title')}
        </Title>
        <Anchor component={Link} to="/recommendations" fw={700}>
          {t('recommendations.seeAll')}
        </Anchor>
      </Group>
      <Text mb="md">{t('recommendations.lead')}</Text>
      <QueryShell query={list} isEmpty={(data) => data.items.length === 0} empty={<NoRecommendations />}>
        {(data) => (
          <>
            {data.basis === 'newest' && <NewestNotice />}
            <RecommendationCards items={data.items.slice(0, ON_HOME)} headingLevel={3} />
          </>
        )}
      </QueryShell>
    </section>
  );
}
