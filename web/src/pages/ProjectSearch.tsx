import {
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { ProjectCard } from '../projects/ProjectCard.tsx';
import { useProjectSearch } from '../projects/queries.ts';
import {
  EMPTY_FILTERS,
  FEE_STEPS,
  type Filters,
  filtersToParams,
  HOUR_STEPS,
  parseFilters,
} from '../projects/search-params.ts';
import { REMOTE_STYLES, type RemoteStyle } from '../projects/types.ts';
import { useLocalName, useMunicipalities, usePrefectures } from '../regions.ts';
import { SaveSearch } from '../searches/SaveSearch.tsx';

/**
 * `/projects`: the query string is the search. Submitting the form pushes a new history entry, so a
 * search can be shared as a link and back/forward step through earlier searches.
 */
export default function ProjectSearchPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseFilters(searchParams);
  const query = filtersToParams(filters).toString();
  const results = useProjectSearch(query);
  const [moreOpen, setMoreOpen] = useState(false);

  const search = (next: Filters) => {
    const qs = filtersToParams(next).toString();
    // The same search again asks the API again: new projects appear within seconds of publishing.
    if (qs === query) void results.refetch();
    else setSearchParams(qs);
  };

  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t('projects.searchTitle')} size="lg">
      <Text mb="lg" maw={760}>
        {t('projects.searchLead')}
      </Text>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Remounted when the address changes (back/forward, a link), so the form shows that search. */}
          <SearchForm
            key={query}
            initial={filters}
            onSearch={search}
            moreOpen={moreOpen}
            setMoreOpen={setMoreOpen}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {/* Saves the search the results show; remounted with it, so a notice belongs to its search. */}
          <SaveSearch key={query} filters={filters} />
          <section aria-labelledby="results-title" aria-busy={results.isFetching}>
            <Title order={2} id="results-title" size="h3" mb="xs">
              {t('projects.results')}
            </Title>
            <Text role="status" size="sm" mb="md" c="dimmed">
              {results.isFetching && !results.isFetchingNextPage
                ? t('projects.searching')
                : results.isSuccess &&
                  items.length > 0 &&
                  t(results.hasNextPage ? 'projects.resultCountMore' : 'projects.resultCount', {
                    count: items.length,
                  })}
            </Text>
            <QueryShell
              query={results}
              isEmpty={() => items.length === 0}
              empty={
                <Paper withBorder p="xl" ta="center">
                  <Text fw={700} size="lg" mb="xs">
                    {t('projects.emptyTitle')}
                  </Text>
                  <Text mb="md">{t('projects.emptyBody')}</Text>
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
                    {items.map((p) => (
                      <li key={p.id}>
                        <ProjectCard project={p} headingLevel={3} />
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

function SearchForm({
  initial,
  onSearch,
  moreOpen,
  setMoreOpen,
}: {
  initial: Filters;
  onSearch: (f: Filters) => void;
  moreOpen: boolean;
  setMoreOpen: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const local = useLocalName();
  const prefectures = usePrefectures();
  const [draft, setDraft] = useState<Filters>(initial);
  const municipalities = useMunicipalities(draft.prefecture || undefined);
  const moreId = useId();
  const set = (change: Partial<Filters>) => setDraft((d) => ({ ...d, ...change }));
  const active = [...filtersToParams({ ...draft, q: '' }).keys()].length;

  // Keep a value from a shared link selectable even when it is not one of the preset steps.
  const feeSteps = [...new Set([...FEE_STEPS, ...(draft.minFee ? [Number(draft.minFee)] : [])])].sort(
    (a, b) => a - b,
  );
  const hourSteps = [...new Set([...HOUR_STEPS, ...(draft.maxHours ? [Number(draft.maxHours)] : [])])].sort(
    (a, b) => a - b,
  );

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
            <TextInput
              type="search"
              label={t('projects.keyword')}
              description={t('projects.keywordHint')}
              maxLength={100}
              value={draft.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
            <Button
              variant="subtle"
              hiddenFrom="md"
              aria-expanded={moreOpen}
              aria-controls={moreId}
              onClick={() => setMoreOpen(!moreOpen)}
              justify="space-between"
              fullWidth
              rightSection={<span aria-hidden="true">{moreOpen ? '▲' : '▼'}</span>}
            >
              {active ? `${t('projects.moreFilters')} (${active})` : t('projects.moreFilters')}
            </Button>
            <Stack gap="md" id={moreId} className="filters-more" data-open={moreOpen}>
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
              <TextInput
                label={t('projects.skill')}
                description={t('projects.skillHint')}
                maxLength={30}
                autoCapitalize="none"
                spellCheck={false}
                value={draft.skill}
                onChange={(e) => set({ skill: e.currentTarget.value })}
              />
              <NativeSelect
                label={t('projects.minFee')}
                value={draft.minFee}
                onChange={(e) => set({ minFee: e.currentTarget.value })}
                data={[
                  { value: '', label: t('projects.any') },
                  ...feeSteps.map((n) => ({
                    value: String(n),
                    label: t('projects.minFeeOption', { fee: f.yen(n) }),
                  })),
                ]}
              />
              <NativeSelect
                label={t('projects.maxHours')}
                value={draft.maxHours}
                onChange={(e) => set({ maxHours: e.currentTarget.value })}
                data={[
                  { value: '', label: t('projects.any') },
                  ...hourSteps.map((n) => ({
                    value: String(n),
                    label: t('projects.maxHoursOption', { count: n }),
                  })),
                ]}
              />
              <NativeSelect
                label={t('projects.remote')}
                value={draft.remote}
                onChange={(e) => set({ remote: e.currentTarget.value as RemoteStyle | '' })}
                data={[
                  { value: '', label: t('projects.any') },
                  ...REMOTE_STYLES.map((r) => ({ value: r, label: t(`projects.remoteStyles.${r}`) })),
                ]}
              />
              <Checkbox
                label={t('projects.shortTimeOnly')}
                checked={draft.shortTime}
                onChange={(e) => set({ shortTime: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('projects.teamsOnly')}
                checked={draft.teams}
                onChange={(e) => set({ teams: e.currentTarget.checked })}
              />
            </Stack>
            <Group grow>
              <Button
                type="button"
                variant="default"
                onClick={() => {
                  setDraft(EMPTY_FILTERS);
                  onSearch(EMPTY_FILTERS);
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
