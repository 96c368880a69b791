import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAYMENT_DEADLINE_DAYS, paymentSchedule } from '#shared/terms/rules.ts';
import { TableScroll } from '../engagements/TableScroll.tsx';
import type { Engagement, Invoice } from '../engagements/types.ts';
import { useFormat } from '../format.ts';

const jstDay = (date: string) => `${date}T00:00:00+09:00`;

/**
 * The agreed months and when each is paid (freelance act 4条): every month's deadline, 60 days from its last day,
 * and the day it was paid — the k-th paid invoice pays the k-th month — or the day Stripe will charge it.
 */
export function PaymentSchedule({
  engagement: e,
  invoices,
}: {
  engagement: Engagement;
  invoices: Invoice[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const paid = invoices
    .filter((i) => i.status === 'paid')
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const firstChargeAt = paid[0]?.periodStart ?? e.currentPeriod?.start ?? new Date().toISOString();
  const rows = paymentSchedule({ startMonth: e.startMonth, durationMonths: e.durationMonths, firstChargeAt });
  const ended = e.state === 'ended';
  return (
    <section aria-labelledby="schedule-title">
      <Title order={2} size="h3" id="schedule-title" mb="xs">
        {t('terms.schedule.title')}
      </Title>
      <Text mb="sm">{t('terms.schedule.lead', { days: PAYMENT_DEADLINE_DAYS })}</Text>
      <TableScroll label={t('terms.schedule.caption')}>
        <Table withTableBorder miw={560} aria-labelledby="schedule-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('terms.schedule.month')}</Table.Th>
              <Table.Th scope="col">{t('terms.schedule.deadline')}</Table.Th>
              <Table.Th scope="col">{t('terms.schedule.paidOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, k) => {
              const invoice = paid[k];
              return (
                <Table.Tr key={row.serviceMonth}>
                  <Table.Th scope="row" fw={400}>
                    {f.month(row.serviceMonth, 'short')}
                  </Table.Th>
                  <Table.Td>{f.date(jstDay(row.deadline))}</Table.Td>
                  <Table.Td>
                    {invoice?.paidAt
                      ? t('terms.schedule.paid', { date: f.date(invoice.paidAt) })
                      : ended
                        ? '—'
                        : t('terms.schedule.planned', { date: f.date(jstDay(row.chargedOn)) })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
