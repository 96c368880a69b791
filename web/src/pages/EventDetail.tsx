import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { MissingOrError } from '../components/MissingOrError.tsx';
import { Page } from '../components/Page.tsx';
import { EventFacts, SeatsPanel } from '../events/EventFacts.tsx';
import { eventCalendarUrl, useEvent } from '../events/queries.ts';
import { SignUpPanel } from '../events/SignUpPanel.tsx';
import { type StaffNotice, StaffPanel } from '../events/StaffPanel.tsx';
import { EventStatusBadge } from '../events/StatusBadge.tsx';
import { useFormat } from '../format.ts';
import { useMe } from '../me.ts';
import { regionHolds, useWideAreaGroups } from '../regions.ts';

const NOTICE = {
  saved: { key: 'events.staff.savedNotice', color: 'teal' },
  published: { key: 'events.staff.publishedNotice', color: 'teal' },
  publishFailed: { key: 'events.staff.publishFailed', color: 'red' },
  cancelled: { key: 'events.staff.cancelledDone', color: 'teal' },
} as const;

/** `/events/:id`: everything about a tour or seminar, with signing up (people) or running it (its staff). */
export default function EventDetailPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const event = useEvent(id);
  const me = useMe();
  const groups = useWideAreaGroups();
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<StaffNotice | undefined>(
    (location.state as { notice?: StaffNotice } | null)?.notice,
  );

  if (event.isPending) return <Loading />;
  if (event.isError)
    return (
      <MissingOrError
        error={event.error}
        onRetry={() => void event.refetch()}
        missingStatuses={[400, 404]}
        notFoundTitle={t('events.notFound')}
        notFoundBody={t('events.notFoundBody')}
        back={{ to: '/events', label: t('events.backToList') }}
      />
    );
  const e = event.data;
  const region = me.data?.role === 'region_staff' ? me.data.regionCode : undefined;
  const runs = Boolean(region && regionHolds(region, e.municipalityCode, groups));

  return (
    <Page title={e.title}>
      <div role="status">
        {notice && (
          <Alert
            color={NOTICE[notice].color}
            mb="md"
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => {
              setNotice(undefined);
              navigate('.', { replace: true, state: null });
            }}
          >
            {t(NOTICE[notice].key)}
          </Alert>
        )}
      </div>
      <Group gap="sm" mb="md" mt={-8}>
        {e.status !== 'published' && <EventStatusBadge status={e.status} />}
        <Badge variant="outline" radius="sm" tt="none" size="lg" color="ai.8">
          {t(`events.kinds.${e.kind}`)}
        </Badge>
        <Text c="dimmed">{f.region(e)}</Text>
      </Group>
      {e.status === 'cancelled' && (
        <Alert color="red" mb="md" title={t('events.cancelledTitle')}>
          {t('events.cancelledBody')}
        </Alert>
      )}
      <Stack gap="xl">
        {runs && <StaffPanel event={e} onDone={setNotice} />}
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="facts-title">
          <Title order={2} size="h3" id="facts-title" mb="xs">
            {t('events.facts')}
          </Title>
          <EventFacts event={e} />
          {e.status !== 'draft' && (
            <Anchor href={eventCalendarUrl(e.id)} download mt="md" display="inline-block">
              {t('events.addToCalendar')}
            </Anchor>
          )}
        </Paper>
        {e.status !== 'cancelled' && (
          <section aria-labelledby="seats-title">
            <Title order={2} size="h3" id="seats-title" mb="xs">
              {t('events.seats.title')}
            </Title>
            <SeatsPanel event={e} />
          </section>
        )}
        <section aria-labelledby="about-title">
          <Title order={2} size="h3" id="about-title" mb="xs">
            {t('events.about')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lh={1.8}>
            {e.description}
          </Text>
        </section>
        {!runs && e.status !== 'draft' && <SignUpPanel event={e} />}
      </Stack>
    </Page>
  );
}
