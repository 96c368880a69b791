import { Alert, Anchor, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox } from '../components/ListShell.tsx';
import { ProjectCard } from '../projects/ProjectCard.tsx';
import type { Recommendation } from './queries.ts';
import { ReasonBadges } from './ReasonBadges.tsx';

/** The recommended projects, best first, two a row from a tablet up, each card with its reasons. */
export function RecommendationCards({
  items,
  headingLevel,
}: {
  items: readonly Recommendation[];
  headingLevel: 2 | 3;
}) {
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2 }}
      spacing="md"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {items.map((r) => (
        <li key={r.project.id}>
          <ProjectCard project={r.project} headingLevel={headingLevel}>
            <ReasonBadges reasons={r.reasons} />
          </ProjectCard>
        </li>
      ))}
    </SimpleGrid>
  );
}

/** Over a list of the newest projects: the profile names nothing to rank by, and how to change that. */
export function NewestNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" mb="lg" title={t('recommendations.newestTitle')}>
      <Text size="sm">{t('recommendations.improve')}</Text>
      <Anchor component={Link} to="/me" size="sm" fw={700}>
        {t('recommendations.editProfile')}
      </Anchor>
    </Alert>
  );
}

/** Nothing open fits the profile: say so, and what to fill in. */
export function NoRecommendations() {
  const { t } = useTranslation();
  return (
    <EmptyBox text={t('recommendations.empty')}>
      <Text mb="md">{t('recommendations.improve')}</Text>
      <Group justify="center" gap="sm">
        <Button component={Link} to="/me">
          {t('recommendations.editProfile')}
        </Button>
        <Button component={Link} to="/projects" variant="default">
          {t('recommendations.browse')}
        </Button>
      </Group>
    </EmptyBox>
  );
}
