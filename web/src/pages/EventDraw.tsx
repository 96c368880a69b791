import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { QueryShell } from '../components/ListShell.tsx';
import { Page } from '../components/Page.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useDraw } from '../events/queries.ts';
import { EventBackLink, StaffEventGate } from '../events/StaffEventGate.tsx';
import type { DrawOut, EventOut } from '../events/types.ts';
import { useFormat } from '../format.ts';

/**
 * `/staff/events/:id/draw`: a lottery's record, so staff can show it was fair: when it was drawn, with what
 * randomness, and the whole order per mode (the first by capacity won; the rest wait in that order).
 */
export default function EventDrawPage() {
  const { t } = useTranslation();
  return (
    <StaffEventGate title={t('events.draw.title')}>{(event) => <DrawView event={event} />}</StaffEventGate>
  );
}

function DrawView({ event: e }: { event: EventOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  const draw = useDraw(e.id, e.selection === 'lottery');
  const notDrawn = draw.error instanceof ApiError && draw.error.status === 404;
  const denied = draw.error instanceof ApiError && draw.error.status === 403;
  let body = <QueryShell query={draw}>{(d) => <DrawRecord draw={d} />}</QueryShell>;
  if (e.selection !== 'lottery')
    body = (
      <Alert color="gray" role="status">
        {t('events.draw.notLottery')}
      </Alert>
    );
  else if (denied)
    body = (
      <Alert color="gray" role="status">
        {t('events.staff.notYours')}
      </Alert>
    );
  else if (notDrawn)
    body = (
      <Alert color="gray" role="status">
        {t('events.draw.notYet', { time: f.dateTimeShort(e.signupDeadline) })}
      </Alert>
    );
  return (
    <Page title={t('events.draw.title')} size="lg">
      <EventBackLink event={e} />
      <Text mb="lg">{t('events.draw.lead')}</Text>
      {body}
    </Page>
  );
}

function DrawRecord({ draw: d }: { draw: DrawOut }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="xl">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <dl className="fields">
          <dt>{t('events.draw.drawnAt')}</dt>
          <dd>
            <time dateTime={d.drawnAt}>{f.dateTime(d.drawnAt)}</time>
          </dd>
          <dt>{t('events.draw.method')}</dt>
          <dd>{d.method}</dd>
          {d.modes.map((m) => (
            <Fragment key={m.attendance}>
              <dt>{t(`events.attendance.${m.attendance}`)}</dt>
              <dd>{t('events.draw.modeSummary', { entries: m.entries, capacity: m.capacity })}</dd>
            </Fragment>
          ))}
        </dl>
      </Paper>
      {d.modes.map((m) => {
        const caption = t('events.draw.caption', { where: t(`events.attendance.${m.attendance}`) });
        return (
          <section key={m.attendance} aria-labelledby={`draw-${m.attendance}`}>
            <Title order={2} size="h3" id={`draw-${m.attendance}`} mb="xs">
              {caption}
            </Title>
            {m.order.length === 0 ? (
              <Text c="dimmed">{t('events.draw.noEntries')}</Text>
            ) : (
              <TableScroll label={caption}>
                <Table withTableBorder striped miw={420} className="money-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" className="num">
                        {t('events.draw.rank')}
                      </Table.Th>
                      <Table.Th scope="col">{t('events.registrations.name')}</Table.Th>
                      <Table.Th scope="col">{t('events.draw.result')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.order.map((o) => (
                      <Table.Tr key={o.registrationId}>
                        <Table.Td className="num">{o.rank}</Table.Td>
                        <Table.Th scope="row" fw={400}>
                          {o.displayName || '—'}
                        </Table.Th>
                        <Table.Td>
                          <Text span fw={700} c={o.won ? 'teal.9' : 'dark.6'} size="sm">
                            {o.won
                              ? t('events.draw.won')
                              : t('events.draw.waitlisted', { position: o.rank - m.capacity })}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </Stack>
  );
}
