import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { EmptyBox, QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { downloadRegistrationsCsv, useEventRegistrations } from '../events/queries.ts';
import { EventBackLink, StaffEventGate } from '../events/StaffEventGate.tsx';
import { RegistrationStatusBadge } from '../events/StatusBadge.tsx';
import { type EventOut, type EventRegistration, REGISTRATION_STATUSES } from '../events/types.ts';
import { useFormat } from '../format.ts';
import { LoadMore } from '../paged-list.tsx';
import { generalError } from '../profile/form-utils.ts';

/** `/staff/events/:id/registrations`: who signed up, how, in what state, with childcare and check-in; as CSV too. */
export default function EventRegistrationsPage() {
  const { t } = useTranslation();
  return (
    <StaffEventGate title={t('events.registrations.title')}>
      {(event) => <Registrations event={event} />}
    </StaffEventGate>
  );
}

function Registrations({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const list = useEventRegistrations(e.id);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<string>();
  const denied = list.error instanceof ApiError && [403, 404].includes(list.error.status);

  const download = async () => {
    setError(undefined);
    setDownloading(true);
    try {
      await downloadRegistrationsCsv(e.id);
    } catch (err) {
      setError(generalError(t, err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Page title={t('events.registrations.title')} size="xl">
      <EventBackLink event={e} />
      <Group gap="sm" mb="lg" wrap="wrap">
        <Button variant="default" onClick={() => void download()} loading={downloading} disabled={denied}>
          {t('events.registrations.download')}
        </Button>
        {e.status === 'published' && (
          <Button component={Link} to={`/staff/events/${e.id}/checkin`} variant="default">
            {t('events.staff.checkin')}
          </Button>
        )}
        {e.selection === 'lottery' && e.drawnAt && (
          <Button component={Link} to={`/staff/events/${e.id}/draw`} variant="default">
            {t('events.staff.draw')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      )}
      {denied ? (
        <Alert color="gray" role="status">
          {t('events.staff.notYours')}
        </Alert>
      ) : (
        <QueryShell
          query={list}
          isEmpty={(items) => items.length === 0}
          empty={<EmptyBox text={t('events.registrations.empty')} />}
        >
          {(items) => <RegistrationTable event={e} items={items} complete={!list.hasNextPage} />}
        </QueryShell>
      )}
      <LoadMore query={list} />
    </Page>
  );
}

function RegistrationTable({
  event: e,
  items,
  complete,
}: {
  event: EventOut;
  items: EventRegistration[];
  /** Every page is read: the counts are the event's, not only the rows shown so far. */
  complete: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = REGISTRATION_STATUSES.map(
    (s) => [s, items.filter((r) => r.status === s).length] as const,
  ).filter(([, n]) => n > 0);
  const caption = t('events.registrations.caption', { title: e.title });
  return (
    <>
      <Text mb="sm">
        {t(complete ? 'events.registrations.total' : 'events.registrations.shownSoFar', {
          count: items.length,
        })}
        {counts
          .map(([s, n]) => `${t('events.seats.separator')}${t(`events.registrationStatuses.${s}`)} ${n}`)
          .join('')}
      </Text>
      <TableScroll label={caption}>
        <Table withTableBorder striped miw={960} className="money-table">
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('events.registrations.name')}</Table.Th>
              <Table.Th scope="col">{t('events.registrations.status')}</Table.Th>
              <Table.Th scope="col">{t('events.mine.attendance')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('events.registrations.position')}
              </Table.Th>
              {e.childcare && <Table.Th scope="col">{t('events.childcare')}</Table.Th>}
              {e.feeJpy > 0 && (
                <Table.Th scope="col" className="num">
                  {t('events.registrations.paid')}
                </Table.Th>
              )}
              <Table.Th scope="col">{t('events.registrations.checkedIn')}</Table.Th>
              <Table.Th scope="col">{t('events.mine.signedUpAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={700} size="sm">
                    {r.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[t(`profile.roles.${r.role}`, { defaultValue: r.role }), r.email]
                      .filter(Boolean)
                      .join(' ・ ')}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <RegistrationStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>{t(`events.attendance.${r.attendance}`)}</Table.Td>
                <Table.Td className="num">{r.waitlistPosition ?? '—'}</Table.Td>
                {e.childcare && (
                  <Table.Td>
                    {r.childcare
                      ? t('events.registrations.childcareValue', {
                          count: r.childcare.children,
                          ages: r.childcare.ages,
                        })
                      : '—'}
                  </Table.Td>
                )}
                {e.feeJpy > 0 && (
                  <Table.Td className="num">
                    {r.paidJpy !== undefined ? f.yen(r.paidJpy) : '—'}
                    {r.refundedJpy ? (
                      <Text size="xs" c="red.9">
                        {t('events.registrations.refunded', { amount: f.yen(r.refundedJpy) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                )}
                <Table.Td>
                  {r.checkedInAt ? (
                    <time dateTime={r.checkedInAt}>{f.dateTimeShort(r.checkedInAt)}</time>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <time dateTime={r.createdAt}>{f.dateTimeShort(r.createdAt)}</time>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
