import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { useRecommendations } from '../recommendations/queries.ts';
import {
  NewestNotice,
  NoRecommendations,
  RecommendationCards,
} from '../recommendations/RecommendationCards.tsx';

/** `/recommendations`: open projects ranked for the signed-in professional, each with its reasons. */
export default function RecommendationsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('recommendations.title')}>
      {() => <Recommendations />}
    </RoleGate>
  );
}

function Recommendations() {
  const { t } = useTranslation();
  const list = useRecommendations();
  return (
    <Page title={t('recommendations.title')} size="lg">
      <Text mb="lg">{t('recommendations.lead')}</Text>
      <QueryShell query={list} isEmpty={(data) => data.items.length === 0} empty={<NoRecommendations />}>
        {(data) => (
          <>
            {data.basis === 'newest' && <NewestNotice />}
            <RecommendationCards items={data.items} headingLevel={2} />
          </>
        )}
      </QueryShell>
    </Page>
  );
}
