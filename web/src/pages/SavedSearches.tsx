import { Alert, Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { errorText } from '../error-text.ts';
import { useFormat } from '../format.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { useDeleteSearch, useMySavedSearches } from '../searches/queries.ts';
import { MAX_SAVED_SEARCHES, type SavedSearch } from '../searches/types.ts';

/** `/saved-searches`: a professional's saved searches, each to open on the search page or to delete. */
export default function SavedSearchesPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('searches.listTitle')}>
      {() => <SavedSearches />}
    </RoleGate>
  );
}

function SavedSearches() {
  const { t } = useTranslation();
  const list = useMySavedSearches();
  const remove = useDeleteSearch();
  const [notice, setNotice] = useState<string>();
  return (
    <Page title={t('searches.listTitle')}>
      <Text mb="md">{t('searches.listLead', { max: MAX_SAVED_SEARCHES })}</Text>
      <div role="status">
        {notice && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setNotice(undefined)}
          >
            {t('searches.deletedNotice', { title: notice })}
          </Alert>
        )}
      </div>
      {remove.isError && (
        <Alert color="red" role="alert" mb="md">
          {errorText(t, remove.error)}
        </Alert>
      )}
      {list.data && list.data.length > 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('searches.count', { n: list.data.length, max: MAX_SAVED_SEARCHES })}
        </Text>
      )}
      <ListShell
        query={list}
        keyOf={(s) => s.id}
        empty={
          <EmptyBox text={t('searches.empty')}>
            <Button component={Link} to="/projects" variant="default">
              {t('searches.toSearch')}
            </Button>
          </EmptyBox>
        }
      >
        {(search) => (
          <SavedSearchCard
            search={search}
            deleting={remove.isPending && remove.variables === search.id}
            onDelete={(title) =>
              remove.mutateAsync(search.id).then(
                () => setNotice(title),
                () => undefined,
              )
            }
          />
        )}
      </ListShell>
    </Page>
  );
}

function SavedSearchCard({
  search,
  deleting,
  onDelete,
}: {
  search: SavedSearch;
  deleting: boolean;
  onDelete: (title: string) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const summary = i18n.language === 'en' ? search.summary.en : search.summary.ja;
  const title = search.name ?? summary;
  const titleId = `saved-search-${search.id}`;
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={2} size="h4" id={titleId} lh={1.4} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {search.name && (
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {summary}
            </Text>
          )}
          <Text size="sm" c="dimmed" mt={4}>
            {t('searches.savedOn', { date: f.date(search.createdAt) })}
          </Text>
        </div>
        <Badge
          variant="light"
          radius="sm"
          tt="none"
          size="lg"
          styles={{
            root: search.mailed
              ? { color: 'var(--mantine-color-teal-9)', background: 'var(--mantine-color-teal-0)' }
              : { color: 'var(--mantine-color-gray-9)', background: 'var(--mantine-color-gray-1)' },
          }}
        >
          {t(search.mailed ? 'searches.mailed' : 'searches.notMailed')}
        </Badge>
      </Group>
      <Group justify="flex-end" mt="sm" gap="sm">
        <ConfirmButton
          variant="default"
          color="red.9"
          label={t('searches.delete')}
          title={t('searches.deleteTitle')}
          body={t('searches.deleteBody', { title })}
          describedBy={titleId}
          loading={deleting}
          onConfirm={() => onDelete(title)}
        />
        <Button component={Link} to={search.searchPath} aria-describedby={titleId}>
          {t('searches.open')}
        </Button>
      </Group>
      {!search.mailed && (
        <Text size="sm" mt="sm">
          {t('searches.notMailedHint')}
        </Text>
      )}
    </Paper>
  );
}
