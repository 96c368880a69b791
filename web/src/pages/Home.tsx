import { Button, Card, Container, Group, List, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session.ts';
import { useDocumentTitle, useFocusOnNavigation } from '../components/Page.tsx';
import { useMe } from '../me.ts';

// Its own chunk: only a signed-in professional's home page loads it.
const HomeRecommendations = lazy(() => import('../recommendations/HomeRecommendations.tsx'));

const AUDIENCES = [
  { key: 'professional', mark: '人' },
  { key: 'firm', mark: '社' },
  { key: 'region', mark: '町' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const role = useMe().data?.role;
  const heading = useFocusOnNavigation<HTMLHeadingElement>();
  useDocumentTitle(t('app.tagline'));
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <Container size="lg" px="md" py={48}>
          <Text fw={700} c="ai.8" mb="xs">
            {t('app.name')} {t('app.nameLatin')}
          </Text>
          <Title order={1} id="home-title" ref={heading} tabIndex={-1} maw={760} style={{ outline: 'none' }}>
            {t('home.title')}
          </Title>
          <Text size="lg" mt="md" maw={760} lh={1.8}>
            {t('home.lead')}
          </Text>
          <Group mt="xl">
            {session && role === 'firm' ? (
              <>
                <Button component={Link} to="/my/projects/new" size="md">
                  {t('home.ctaPostProject')}
                </Button>
                <Button component={Link} to="/my/projects" size="md" variant="default">
                  {t('nav.myProjects')}
                </Button>
              </>
            ) : session ? (
              <>
                <Button component={Link} to="/projects" size="md">
                  {t('home.ctaProjects')}
                </Button>
                <Button component={Link} to="/me" size="md" variant="default">
                  {t('home.ctaProfile')}
                </Button>
              </>
            ) : (
              <>
                <Button component={Link} to="/signup" size="md">
                  {t('home.ctaSignUp')}
                </Button>
                <Button component={Link} to="/signin" size="md" variant="default">
                  {t('nav.signIn')}
                </Button>
                <Button component={Link} to="/projects" size="md" variant="subtle">
                  {t('home.ctaProjects')}
                </Button>
              </>
            )}
          </Group>
        </Container>
      </section>
      <Container size="lg" px="md" py="xl">
        {session && role === 'professional' && (
          <Suspense fallback={null}>
            <HomeRecommendations />
          </Suspense>
        )}
        <section aria-labelledby="for-whom">
          <Title order={2} id="for-whom" mb="md">
            {t('home.forWhom')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            {AUDIENCES.map(({ key, mark }) => (
              <Card key={key} withBorder padding="lg" component="article">
                <Group gap="sm" mb="sm" wrap="nowrap">
                  <ThemeIcon size="lg" radius="xl" aria-hidden="true" variant="filled">
                    <span lang="ja">{mark}</span>
                  </ThemeIcon>
                  <Title order={3} size="h4">
                    {t(`home.${key}.title`)}
                  </Title>
                </Group>
                <Text lh={1.8}>{t(`home.${key}.body`)}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
        <section aria-labelledby="how-to-start">
          <Title order={2} id="how-to-start" mt={48} mb="md">
            {t('home.howTitle')}
          </Title>
          <List type="ordered" spacing="sm" size="lg">
            <List.Item>{t('home.how1')}</List.Item>
            <List.Item>{t('home.how2')}</List.Item>
            <List.Item>{t('home.how3')}</List.Item>
          </List>
        </section>
      </Container>
    </>
  );
}
