import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { useEventAction } from './queries.ts';
import type { EventOut } from './types.ts';

export type StaffNotice = 'saved' | 'published' | 'publishFailed' | 'cancelled';

/** Its staff's tools on the event page: edit and publish a draft, the sign-ups, check-in, the draw, cancel. */
export function StaffPanel({ event: e, onDone }: { event: EventOut; onDone: (n: StaffNotice) => void }) {
  const { t } = useTranslation();
  const action = useEventAction();
  const [error, setError] = useState<string>();
  const run = async (which: 'publish' | 'cancel') => {
    setError(undefined);
    try {
      await action.mutateAsync({ id: e.id, action: which });
      onDone(which === 'publish' ? 'published' : 'cancelled');
    } catch (err) {
      setError(generalError(t, err));
    }
  };
  const base = `/staff/events/${e.id}`;
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      bg="ai.0"
      component="section"
      aria-labelledby="manage-title"
    >
      <Title order={2} size="h3" id="manage-title" mb="sm">
        {t('events.staff.manageTitle')}
      </Title>
      {e.status === 'draft' && <Text mb="sm">{t('events.staff.draftNotice')}</Text>}
      {e.status === 'cancelled' && <Text mb="sm">{t('events.staff.cancelledNotice')}</Text>}
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Group gap="sm">
        {e.status === 'draft' && (
          <>
            <Button component={Link} to={`${base}/edit`} variant="default">
              {t('events.staff.edit')}
            </Button>
            <ConfirmButton
              label={t('events.staff.publish')}
              title={t('events.staff.publishConfirmTitle')}
              body={t('events.staff.publishConfirmBody', { title: e.title })}
              loading={action.isPending && action.variables?.action === 'publish'}
              onConfirm={() => run('publish')}
            />
          </>
        )}
        {e.status !== 'draft' && (
          <>
            <Button component={Link} to={`${base}/registrations`} variant="default">
              {t('events.staff.registrations')}
            </Button>
            <Button component={Link} to={`${base}/checkin`} variant="default">
              {t('events.staff.checkin')}
            </Button>
          </>
        )}
        {e.selection === 'lottery' && e.drawnAt && (
          <Button component={Link} to={`${base}/draw`} variant="default">
            {t('events.staff.draw')}
          </Button>
        )}
        {e.status !== 'cancelled' && (
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('events.staff.cancel')}
            title={t('events.staff.cancelConfirmTitle')}
            dismissLabel={t('events.staff.keep')}
            body={t(e.feeJpy > 0 ? 'events.staff.cancelConfirmBodyPaid' : 'events.staff.cancelConfirmBody', {
              title: e.title,
            })}
            loading={action.isPending && action.variables?.action === 'cancel'}
            onConfirm={() => run('cancel')}
          />
        )}
      </Group>
    </Paper>
  );
}
