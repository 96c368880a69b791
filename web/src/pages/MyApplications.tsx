import { Alert, Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox, ListShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { useMyApplications, useWithdraw } from '../projects/queries.ts';
import { RoleGate } from '../projects/RoleGate.tsx';
import { ApplicationStatusBadge } from '../projects/StatusBadge.tsx';
import { type MyApplication, OPEN_APPLICATION } from '../projects/types.ts';
import { useRegionName } from '../regions.ts';

/** `/my/applications`: a professional's applications, newest first, with their status. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="professional" title={t('applications.myTitle')}>
      {() => <MyApplications />}
    </RoleGate>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const list = useMyApplications();
  const withdraw = useWithdraw();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  const onWithdraw = async (a: MyApplication) => {
    setNotice(undefined);
    setError(undefined);
    try {
      await withdraw.mutateAsync(a.id);
      setNotice(t('applications.withdrawn', { title: a.project.title }));
    } catch (e) {
      setError(generalError(t, e));
    }
  };

  return (
    <Page title={t('applications.myTitle')}>
      <Text mb="lg">{t('applications.myLead')}</Text>
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
        keyOf={(a) => a.id}
        empty={
          <EmptyBox text={t('applications.empty')}>
            <Button component={Link} to="/projects">
              {t('applications.findProjects')}
            </Button>
          </EmptyBox>
        }
      >
        {(a) => (
          <ApplicationItem
            application={a}
            withdrawing={withdraw.isPending && withdraw.variables === a.id}
            onWithdraw={() => onWithdraw(a)}
          />
        )}
      </ListShell>
      <LoadMore query={list} />
    </Page>
  );
}

function ApplicationItem({
  application: a,
  withdrawing,
  onWithdraw,
}: {
  application: MyApplication;
  withdrawing: boolean;
  onWithdraw: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const region = useRegionName(a.project.municipalityCode || undefined);
  const titleId = `application-${a.id}`;
  // The project's conditions changed after this application was made (12条): its applicant should know.
  const changed = a.project.termsChangedAt;
  const changedSince = changed && changed > a.createdAt ? changed : undefined;
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={2} size="h4" id={titleId} lh={1.4}>
            {a.project.title ? (
              <Anchor component={Link} to={`/projects/${a.project.id}`} underline="hover" c="ai.8">
                {a.project.title}
              </Anchor>
            ) : (
              t('applications.untitled')
            )}
          </Title>
          <Text size="sm" mt={4}>
            {a.project.organizationName}
            {region && (
              <>
                <Text span c="dimmed" mx={6} aria-hidden="true">
                  ・
                </Text>
                {region}
              </>
            )}
          </Text>
        </div>
        <ApplicationStatusBadge status={a.status} />
      </Group>
      <dl className="fields" style={{ marginTop: '0.5rem' }}>
        {a.teamName && (
          <>
            <dt>{t('applications.appliedAs')}</dt>
            <dd>{t('applications.appliedAsTeam', { team: a.teamName })}</dd>
          </>
        )}
        <dt>{t('applications.status')}</dt>
        <dd>{t(`applications.statuses.${a.status}`)}</dd>
        <dt>{t('applications.appliedAt')}</dt>
        <dd>
          <time dateTime={a.createdAt}>{f.date(a.createdAt)}</time>
        </dd>
      </dl>
      {a.status === 'accepted' && (
        <Text mt="sm" fw={700} c="teal.9">
          {t('applications.acceptedNote')}
        </Text>
      )}
      {a.status === 'accepted' && a.engagementId && (
        <Group mt="sm">
          <Button
            component={Link}
            to={`/engagements/${a.engagementId}`}
            variant="light"
            size="sm"
            aria-describedby={titleId}
          >
            {t('applications.viewEngagement')}
          </Button>
        </Group>
      )}
      {changedSince && (
        <Alert color="yellow" mt="sm" p="sm">
          <Text size="sm" fw={700}>
            {t('applications.termsChanged', { date: f.date(changedSince) })}
          </Text>
          {OPEN_APPLICATION.includes(a.status) && (
            <Anchor component={Link} to={`/projects/${a.project.id}`} size="sm" fw={700}>
              {t('applications.checkNewTerms')}
            </Anchor>
          )}
        </Alert>
      )}
      {a.project.status === 'closed' && a.status !== 'accepted' && (
        <Text mt="sm" size="sm" c="dimmed">
          {t('applications.projectClosed')}
        </Text>
      )}
      <details style={{ marginTop: '0.75rem' }}>
        <summary>{t('applications.proposal')}</summary>
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.proposal}
        </Text>
      </details>
      {OPEN_APPLICATION.includes(a.status) && (
        <Group justify="flex-end" mt="md">
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('applications.withdraw')}
            title={t('applications.withdrawConfirmTitle')}
            body={t('applications.withdrawConfirmBody', { title: a.project.title })}
            loading={withdrawing}
            describedBy={titleId}
            onConfirm={onWithdraw}
          />
        </Group>
      )}
    </Paper>
  );
}
