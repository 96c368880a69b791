import { Button, Grid, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session.ts';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { EventCard } from '../events/EventCard.tsx';
import { useEventSearch } from '../events/queries.ts';
import {
  type EventFilters,
  eventFiltersToParams,
  NO_FILTERS,
  parseEventFilters,
} from '../events/search-params.ts';
import { EVENT_KINDS, type EventKind } from '../events/types.ts';
import { useMe } from '../me.ts';
import { useLocalName, useMunicipalities, usePrefectures } from '../regions.ts';

/**
 * `/events`: published tours and seminars from now on, soonest first. The query string is the search, as
 * on the project search: a list can be shared as a link, and back/forward step through earlier ones.
 */
export default function EventsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseEventFilters(searchParams);
  const query = eventFiltersToParams(filters).toString();
  const results = useEventSearch(query);

  const search = (next: EventFilters) => {
    const qs = eventFiltersToParams(next).toString();
    if (qs === query) void results.refetch();
    else setSearchParams(qs);
  };
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('events.listTitle')} size="lg">
      <Text mb="md" maw={760}>
        {t('events.listLead')}
      </Text>
      <MineLinks />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Remounted when the address changes (back/forward, a link), so the form shows that search. */}
          <FilterForm key={query} initial={filters} onSearch={search} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <section aria-labelledby="results-title" aria-busy={results.isFetching}>
            <Title order={2} id="results-title" size="h3" mb="xs">
              {t('events.results')}
            </Title>
            <Text role="status" size="sm" mb="md" c="dimmed">
              {results.isFetching && !results.isFetchingNextPage
                ? t('events.searching')
                : results.isSuccess &&
                  items.length > 0 &&
                  t(results.hasNextPage ? 'events.resultCountMore' : 'events.resultCount', {
                    count: items.length,
                  })}
            </Text>
            <QueryShell
              query={results}
              isEmpty={() => items.length === 0}
              empty={
                <Paper withBorder p="xl" ta="center">
                  <Text fw={700} size="lg" mb="xs">
                    {t('events.emptyTitle')}
                  </Text>
                  <Text mb={query ? 'md' : undefined}>{t('events.emptyBody')}</Text>
                  {query && (
                    <Button variant="default" onClick={() => setSearchParams('')}>
                      {t('projects.clear')}
                    </Button>
                  )}
                </Paper>
              }
            >
              {() => (
                <>
                  <SimpleGrid
                    component="ul"
                    cols={{ base: 1, sm: 2 }}
                    spacing="md"
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {items.map((e) => (
                      <li key={e.id}>
                        <EventCard event={e} headingLevel={3} />
                      </li>
                    ))}
                  </SimpleGrid>
                  {results.hasNextPage && (
                    <Group justify="center" mt="lg">
                      <Button
                        variant="default"
                        size="md"
                        loading={results.isFetchingNextPage}
                        onClick={() => void results.fetchNextPage()}
                      >
                        {t('projects.loadMore')}
                      </Button>
                    </Group>
                  )}
                </>
              )}
            </QueryShell>
          </section>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

/** Where a signed-in person's own events are: their registrations, or (staff) the events they run. */
function MineLinks() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe();
  const role = session ? me.data?.role : undefined;
  if (role !== 'professional' && role !== 'firm' && role !== 'region_staff') return null;
  return (
    <Group component="nav" aria-label={t('events.mineNav')} gap="sm" mb="lg">
      {role === 'region_staff' ? (
        <>
          <Button component={Link} to="/staff/events" variant="light" size="sm">
            {t('events.staff.myTitle')}
          </Button>
          <Button component={Link} to="/staff/events/new" variant="light" size="sm">
            {t('events.staff.newEvent')}
          </Button>
        </>
      ) : (
        <Button component={Link} to="/me/registrations" variant="light" size="sm">
          {t('events.mine.title')}
        </Button>
      )}
    </Group>
  );
}

function FilterForm({ initial, onSearch }: { initial: EventFilters; onSearch: (f: EventFilters) => void }) {
  const { t } = useTranslation();
  const local = useLocalName();
  const prefectures = usePrefectures();
  const [draft, setDraft] = useState<EventFilters>(initial);
  const municipalities = useMunicipalities(draft.prefecture || undefined);
  const set = (change: Partial<EventFilters>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft);
  };

  return (
    <Paper withBorder p="md">
      <search aria-labelledby="filters-title">
        <form onSubmit={submit}>
          <Stack gap="md">
            <Title order={2} id="filters-title" size="h4">
              {t('projects.filters')}
            </Title>
            <NativeSelect
              label={t('events.kind')}
              value={draft.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as EventKind | '' })}
              data={[
                { value: '', label: t('events.anyKind') },
                ...EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })),
              ]}
            />
            <NativeSelect
              label={t('projects.prefecture')}
              value={draft.prefecture}
              onChange={(e) => set({ prefecture: e.currentTarget.value, municipality: '' })}
              data={[
                { value: '', label: t('projects.anyPrefecture') },
                ...(prefectures.data ?? []).map((p) => ({ value: p.code, label: local(p) })),
                ...(draft.prefecture && !prefectures.data
                  ? [{ value: draft.prefecture, label: draft.prefecture }]
                  : []),
              ]}
            />
            <NativeSelect
              label={t('projects.municipality')}
              value={draft.municipality}
              disabled={!draft.prefecture}
              onChange={(e) => set({ municipality: e.currentTarget.value })}
              data={[
                { value: '', label: t('projects.anyMunicipality') },
                ...(municipalities.data ?? []).map((m) => ({ value: m.code, label: local(m) })),
                ...(draft.municipality && !municipalities.data
                  ? [{ value: draft.municipality, label: draft.municipality }]
                  : []),
              ]}
            />
            <Group grow>
              <Button
                type="button"
                variant="default"
                onClick={() => {
                  setDraft(NO_FILTERS);
                  onSearch(NO_FILTERS);
                }}
              >
                {t('projects.clear')}
              </Button>
              <Button type="submit">{t('projects.search')}</Button>
            </Group>
          </Stack>
        </form>
      </search>
    </Paper>
  );
}
