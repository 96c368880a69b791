import { Alert, Anchor, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { RoleGate } from '../projects/RoleGate.tsx';
import { useEvent } from './queries.ts';
import type { EventOut } from './types.ts';

/**
 * A staff page about one event (`/staff/events/:id/…`): for region staff only, with the event loaded; a
 * plain sentence when it is not theirs or not there, and a way back.
 */
export function StaffEventGate({
  title,
  children,
}: {
  title: string;
  children: (event: EventOut) => ReactNode;
}) {
  return (
    <RoleGate only="region_staff" title={title}>
      {() => <WithEvent title={title}>{children}</WithEvent>}
    </RoleGate>
  );
}

function WithEvent({ title, children }: { title: string; children: (event: EventOut) => ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  if (event.isPending) return <Loading />;
  if (event.isError)
    return (
      <Page title={title}>
        {event.error instanceof ApiError && event.error.status < 500 ? (
          <Alert color="gray" role="status" mb="md">
            {t('events.staff.notYours')}
          </Alert>
        ) : (
          <LoadError error={event.error} onRetry={() => void event.refetch()} />
        )}
        <Button component={Link} to="/staff/events" variant="default" mt="md">
          {t('events.staff.myTitle')}
        </Button>
      </Page>
    );
  return children(event.data);
}

/** The line under a staff page's title: which event, with a link back to it. */
export function EventBackLink({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="md" mt={-8}>
      <Anchor component={Link} to={`/events/${e.id}`}>
        {t('events.staff.backToEvent', { title: e.title })}
      </Anchor>
    </Group>
  );
}
