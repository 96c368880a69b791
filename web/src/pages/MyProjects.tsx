import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { useMyProjects, useProjectAction } from '../projects/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import { ProjectStatusBadge } from '../projects/StatusBadge.tsx';
import type { Project } from '../projects/types.ts';

/** `/my/projects`: a firm's projects, newest first, with their status and applicants. */
export default function MyProjectsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="firm" title={t('projects.myTitle')}>
      {() => <MyProjects />}
    </RoleGate>
  );
}

function MyProjects() {
  const { t } = useTranslation();
  const list = useMyProjects();
  const action = useProjectAction();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  const run = async (p: Project, what: 'publish' | 'close') => {
    setNotice(undefined);
    setError(undefined);
    try {
      await action.mutateAsync({ id: p.id, action: what });
      setNotice(t(what === 'publish' ? 'projects.publishedNotice' : 'projects.closedDone'));
    } catch (e) {
      setError(generalError(t, e));
    }
  };

  return (
    <Page title={t('projects.myTitle')} size="lg">
      <Group justify="space-between" align="center" mb="lg" gap="sm">
        <Text>{t('projects.myLead')}</Text>
        <Button component={Link} to="/my/projects/new">
          {t('projects.newProject')}
        </Button>
      </Group>
      <div role="status">
        {notice && (
          <Alert
            color="teal"
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setNotice(undefined)}
          >
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      <ListShell
        query={list}
        keyOf={(p) => p.id}
        empty={
          <EmptyBox text={t('projects.myEmpty')}>
            <Button component={Link} to="/my/projects/new">
              {t('projects.newProject')}
            </Button>
          </EmptyBox>
        }
      >
        {(p) => (
          <MyProjectItem
            project={p}
            busy={action.isPending && action.variables?.id === p.id ? action.variables.action : undefined}
            onAction={(what) => run(p, what)}
          />
        )}
      </ListShell>
      <LoadMore query={list} />
    </Page>
  );
}

function MyProjectItem({
  project: p,
  busy,
  onAction,
}: {
  project: Project;
  busy: 'publish' | 'close' | undefined;
  onAction: (what: 'publish' | 'close') => Promise<void>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = `my-project-${p.id}`;
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={2} size="h4" id={titleId} lh={1.4}>
            <Anchor component={Link} to={`/projects/${p.id}`} underline="hover" c="ai.8">
              {p.title}
            </Anchor>
          </Title>
          <Text size="sm" mt={4}>
            {f.region(p)}
            <Text span c="dimmed" mx={6} aria-hidden="true">
              ・
            </Text>
            {f.fee(p.monthlyFeeJpy)}
            {t(`projects.feeTaxShort.${p.feeTax}`)}
            <Text span c="dimmed" mx={6} aria-hidden="true">
              ・
            </Text>
            {f.hours(p.hoursPerMonth)}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('projects.createdAt')}: <time dateTime={p.createdAt}>{f.date(p.createdAt)}</time>
          </Text>
        </div>
        <Stack gap={6} align="flex-end">
          <ProjectStatusBadge status={p.status} />
          <Text fw={700}>{f.applicants(p.applicantCount)}</Text>
        </Stack>
      </Group>
      <Group gap="sm" mt="md">
        <Button
          component={Link}
          to={`/my/projects/${p.id}/applicants`}
          variant="light"
          size="sm"
          aria-describedby={titleId}
        >
          {t('projects.viewApplicants', { count: p.applicantCount })}
        </Button>
        {p.status !== 'closed' && (
          <Button
            component={Link}
            to={`/my/projects/${p.id}/edit`}
            variant="default"
            size="sm"
            aria-describedby={titleId}
          >
            {t('projects.edit')}
          </Button>
        )}
        {p.status === 'draft' && (
          <Button
            size="sm"
            loading={busy === 'publish'}
            aria-describedby={titleId}
            onClick={() => void onAction('publish')}
          >
            {t('projects.publish')}
          </Button>
        )}
        {p.status !== 'closed' && (
          <ConfirmButton
            size="sm"
            variant="outline"
            color="red.9"
            label={t('projects.close')}
            title={t('projects.closeConfirmTitle')}
            body={t('projects.closeConfirmBody', { title: p.title })}
            loading={busy === 'close'}
            describedBy={titleId}
            onConfirm={() => onAction('close')}
          />
        )}
      </Group>
    </Paper>
  );
}
