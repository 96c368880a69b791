import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { beforeDraw, modesOf } from './seats.ts';
import type { EventOut } from './types.ts';

/** An event's facts as a list of labelled values (the profile's `.fields` layout). */
export function EventFacts({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const modes = modesOf(e);
  const rows: [string, ReactNode][] = [
    [t('events.kind'), t(`events.kinds.${e.kind}`)],
    [
      t('events.when'),
      <time key="when" dateTime={e.startsAt}>
        {f.span(e.startsAt, e.endsAt)}
      </time>,
    ],
    [
      t('events.signupDeadline'),
      <time key="deadline" dateTime={e.signupDeadline}>
        {f.dateTimeShort(e.signupDeadline)}
      </time>,
    ],
  ];
  if (e.venueName) rows.push([t('events.venue'), e.venueName]);
  rows.push(
    [t('events.place'), f.region(e)],
    [t('events.attendanceLabel'), modes.map((m) => t(`events.attendance.${m}`)).join(t('events.and'))],
    [t('events.fee'), <strong key="fee">{e.feeJpy > 0 ? f.yen(e.feeJpy) : t('events.free')}</strong>],
    [t('events.selection'), t(`events.selectionHints.${e.selection}`)],
    [t('events.childcare'), t(e.childcare ? 'events.childcareYes' : 'events.childcareNo')],
    [t('events.waitlistRule'), t('events.waitlistRuleValue', { count: e.claimWindowHours })],
  );
  if (e.feeJpy > 0)
    rows.push([t('events.refundRule'), t('events.refundRuleValue', { count: e.refundDaysBefore })]);
  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Per attendance mode: its capacity, the seats left and the people waiting (or, before a draw, entered). */
export function SeatsPanel({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const lottery = beforeDraw(e);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {modesOf(e).map((mode) => (
        <Paper key={mode} withBorder p="md" component="section" aria-labelledby={`seats-${mode}`}>
          <Title order={3} size="h5" id={`seats-${mode}`} mb={4}>
            {t(`events.attendance.${mode}`)}
          </Title>
          <dl className="seat-figures">
            <dt>{t('events.seats.capacity')}</dt>
            <dd>
              {t('events.seats.count', { count: mode === 'venue' ? e.venueCapacity : e.onlineCapacity })}
            </dd>
            {lottery ? (
              <>
                <dt>{t('events.seats.entered')}</dt>
                <dd>{t('events.seats.people', { count: e.entered[mode] })}</dd>
              </>
            ) : (
              <>
                <dt>{t('events.seats.leftLabel')}</dt>
                <dd>
                  <Text span fw={700} c={e.seatsLeft[mode] > 0 ? 'teal.9' : 'red.9'}>
                    {t('events.seats.count', { count: e.seatsLeft[mode] })}
                  </Text>
                </dd>
                <dt>{t('events.seats.waiting')}</dt>
                <dd>{t('events.seats.people', { count: e.waitlisted[mode] })}</dd>
              </>
            )}
          </dl>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
