import { Alert, Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canCancelRegistration, canClaim, HOLDS_SEAT, refundable } from '#shared/events/rules.ts';
import { useFormat } from '../format.ts';
import { generalError } from '../profile/form-utils.ts';
import { ConfirmButton } from '../projects/ConfirmButton.tsx';
import { useNow } from './Countdown.tsx';
import { downloadRegistrationCalendar } from './queries.ts';
import { RegistrationNote } from './RegistrationNote.tsx';
import { RegistrationStatusBadge } from './StatusBadge.tsx';
import type { MyRegistration, RegistrationStatus } from './types.ts';

/** Registrations still standing: they have a calendar entry worth keeping. */
const ACTIVE: readonly RegistrationStatus[] = [
  'entered',
  'waitlisted',
  'offered',
  'pending_payment',
  'confirmed',
];

/** What cancelling will do about money, as the cancel dialog says it (the shared refund rule's answer). */
function useCancelBody() {
  const { t } = useTranslation();
  const f = useFormat();
  return (r: MyRegistration, at: Date) => {
    const seat = HOLDS_SEAT.includes(r.status) ? ` ${t('events.mine.cancelSeatGoes')}` : '';
    let money: string;
    if (r.feeJpy === 0) money = t('events.mine.cancelFree');
    else if (r.status !== 'confirmed') money = t('events.mine.cancelNotPaid');
    else if (refundable(r, at)) money = t('events.mine.cancelRefund', { amount: f.yen(r.feeJpy) });
    else money = t('events.mine.cancelNoRefund', { count: r.refundDaysBefore });
    return `${t('events.mine.cancelBody', { title: r.title })} ${money}${seat}`;
  };
}

/** One of my registrations: the event, my status and what it asks of me (claim, pay, show the code), and cancel. */
export function MyRegistrationCard({
  registration: r,
  busy,
  onCancel,
  onClaim,
}: {
  registration: MyRegistration;
  busy: boolean;
  onCancel: () => Promise<void>;
  onClaim: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const now = useNow(30_000);
  const cancelBody = useCancelBody();
  const [calendarError, setCalendarError] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const at = new Date(now);
  const titleId = `registration-${r.id}`;
  const over = Date.parse(r.endsAt) < now;
  const claimable = canClaim(r, at).ok;
  const cancellable = canCancelRegistration(r).ok && !over && r.eventStatus !== 'cancelled';
  const place = i18n.language === 'en' ? r.municipalityNameEn : r.municipalityName;

  const download = async () => {
    setCalendarError(undefined);
    setDownloading(true);
    try {
      await downloadRegistrationCalendar(r.eventId);
    } catch (e) {
      setCalendarError(generalError(t, e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Paper component="article" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Title order={2} size="h4" id={titleId} lh={1.4}>
            <Anchor component={Link} to={`/events/${r.eventId}`} underline="hover" c="ai.8">
              {r.title}
            </Anchor>
          </Title>
          <Text size="sm" mt={4} fw={700}>
            <time dateTime={r.startsAt}>{f.span(r.startsAt, r.endsAt)}</time>
          </Text>
          <Text size="sm">
            {place}
            {r.venueName && (
              <>
                <Text span c="dimmed" mx={6} aria-hidden="true">
                  ・
                </Text>
                {r.venueName}
              </>
            )}
          </Text>
        </div>
        <RegistrationStatusBadge status={r.status} />
      </Group>
      <dl className="fields" style={{ marginTop: '0.5rem' }}>
        <dt>{t('events.mine.attendance')}</dt>
        <dd>{t(`events.attendance.${r.attendance}`)}</dd>
        <dt>{t('events.fee')}</dt>
        <dd>{r.feeJpy > 0 ? f.yen(r.feeJpy) : t('events.free')}</dd>
        <dt>{t('events.mine.signedUpAt')}</dt>
        <dd>
          <time dateTime={r.createdAt}>{f.date(r.createdAt)}</time>
        </dd>
      </dl>
      {r.eventStatus === 'cancelled' && (
        <Text mt="sm" fw={700} c="red.9">
          {t('events.mine.eventCancelled')}
        </Text>
      )}
      <div style={{ marginTop: '0.75rem' }}>
        <RegistrationNote registration={r} feeJpy={r.feeJpy} />
      </div>
      {calendarError && (
        <Alert color="red" role="alert" mt="sm">
          {calendarError}
        </Alert>
      )}
      <Group justify="flex-end" mt="md" gap="sm">
        {ACTIVE.includes(r.status) && !over && (
          <Button
            variant="default"
            loading={downloading}
            onClick={() => void download()}
            aria-describedby={titleId}
          >
            {t('events.mine.calendar')}
          </Button>
        )}
        {cancellable && (
          <ConfirmButton
            variant="outline"
            color="red.9"
            label={t('events.mine.cancel')}
            title={t('events.mine.cancelTitle')}
            body={cancelBody(r, at)}
            confirmLabel={t('events.mine.cancelConfirm')}
            dismissLabel={t('events.mine.keep')}
            loading={busy}
            describedBy={titleId}
            onConfirm={onCancel}
          />
        )}
        {claimable && (
          <Button onClick={() => void onClaim()} loading={busy} aria-describedby={titleId}>
            {t(r.feeJpy > 0 ? 'events.mine.claimPaid' : 'events.mine.claim')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
