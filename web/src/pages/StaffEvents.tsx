import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox, QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { useMyEvents } from '../events/queries.ts';
import { SeatsLine } from '../events/SeatsLine.tsx';
import { EventStatusBadge } from '../events/StatusBadge.tsx';
import type { EventOut } from '../events/types.ts';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';

/** `/staff/events`: the tours and seminars of the staff's region, drafts included; coming ones first. */
export default function StaffEventsPage() {
  const { t } = useTranslation();
  return (
    <RoleGate only="region_staff" title={t('events.staff.myTitle')}>
      {() => <StaffEvents />}
    </RoleGate>
  );
}

function StaffEvents() {
  const { t } = useTranslation();
  const coming = useMyEvents('coming');
  const past = useMyEvents('past');
  return (
    <Page title={t('events.staff.myTitle')} size="lg">
      <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
        <Text maw={640}>{t('events.staff.myLead')}</Text>
        <Button component={Link} to="/staff/events/new">
          {t('events.staff.newEvent')}
        </Button>
      </Group>
      <QueryShell
        query={coming}
        isEmpty={(items) => items.length === 0 && past.data?.length === 0}
        empty={
          <EmptyBox text={t('events.staff.myEmpty')}>
            <Button component={Link} to="/staff/events/new">
              {t('events.staff.newEvent')}
            </Button>
          </EmptyBox>
        }
      >
        {(items) => (
          <Stack gap="xl">
            <EventGroup id="coming" title={t('events.staff.coming')} events={items} more={coming} />
            {(past.data?.length ?? 0) > 0 && (
              <EventGroup id="past" title={t('events.staff.past')} events={past.data ?? []} more={past} />
            )}
          </Stack>
        )}
      </QueryShell>
    </Page>
  );
}

function EventGroup({
  id,
  title,
  events,
  more,
}: {
  id: string;
  title: string;
  events: EventOut[];
  more: Parameters<typeof LoadMore>[0]['query'];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {events.length === 0 ? (
        <Text c="dimmed">{t('events.staff.noneComing')}</Text>
      ) : (
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {events.map((e) => (
            <li key={e.id}>
              <StaffEventItem event={e} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore query={more} />
    </section>
  );
}

function StaffEventItem({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleId = `staff-event-${e.id}`;
  const base = `/staff/events/${e.id}`;
  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={3} size="h4" id={titleId} lh={1.4}>
            <Anchor component={Link} to={`/events/${e.id}`} underline="hover" c="ai.8">
              {e.title}
            </Anchor>
          </Title>
          <Text size="sm" mt={4} fw={700}>
            <time dateTime={e.startsAt}>{f.span(e.startsAt, e.endsAt)}</time>
          </Text>
          <Text size="sm">
            {t(`events.kinds.${e.kind}`)}
            <Text span c="dimmed" mx={6} aria-hidden="true">
              ・
            </Text>
            {f.region(e)}
            <Text span c="dimmed" mx={6} aria-hidden="true">
              ・
            </Text>
            {e.feeJpy > 0 ? f.yen(e.feeJpy) : t('events.free')}
          </Text>
          {e.status === 'published' && (
            <div style={{ marginTop: '0.25rem' }}>
              <SeatsLine event={e} />
            </div>
          )}
        </div>
        <EventStatusBadge status={e.status} />
      </Group>
      <Group gap="xs" mt="md" role="group" aria-label={t('events.staff.actionsFor', { title: e.title })}>
        {e.status === 'draft' ? (
          <Button component={Link} to={`${base}/edit`} variant="default" size="sm">
            {t('events.staff.edit')}
          </Button>
        ) : (
          <>
            <Button component={Link} to={`${base}/registrations`} variant="default" size="sm">
              {t('events.staff.registrations')}
            </Button>
            <Button component={Link} to={`${base}/checkin`} variant="default" size="sm">
              {t('events.staff.checkin')}
            </Button>
          </>
        )}
        {e.selection === 'lottery' && e.drawnAt && (
          <Button component={Link} to={`${base}/draw`} variant="default" size="sm">
            {t('events.staff.draw')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
