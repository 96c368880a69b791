import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorPage } from '../admin/OperatorPage.tsx';
import { useFeeIncome } from '../admin/queries.ts';
import type { FeeIncome } from '../admin/types.ts';
import { QueryShell } from '../components/ListShell.tsx';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFormat } from '../format.ts';

/** The platform took its first fee in 2024 (the API refuses an earlier year). */
const FIRST_YEAR = 2024;
const thisYearInJapan = () => Number(new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 4));

/** `/admin/fees`: the platform's fee income of a year, month by month, as a chart and as a table. */
export default function AdminFeesPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('console.fees.title')}>{() => <Fees />}</OperatorPage>;
}

function Fees() {
  const { t } = useTranslation();
  const latest = thisYearInJapan();
  const [year, setYear] = useState(latest);
  const fees = useFeeIncome(year);
  const years = Array.from({ length: latest - FIRST_YEAR + 1 }, (_, i) => String(latest - i));
  return (
    <Stack gap="lg">
      <Text>{t('console.fees.lead')}</Text>
      <NativeSelect
        label={t('console.fees.year')}
        data={years}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        w={160}
      />
      <QueryShell query={fees}>{(data) => <FeeFigures fees={data} />}</QueryShell>
    </Stack>
  );
}

function FeeFigures({ fees }: { fees: FeeIncome }) {
  const { t } = useTranslation();
  const f = useFormat();
  const caption = t('console.fees.caption', { year: fees.year });
  const data = fees.months.map((m) => ({
    label: f.month(m.month, 'short'),
    net: m.platformFeeJpy - m.feeTaxJpy,
    tax: m.feeTaxJpy,
  }));
  return (
    <>
      {/* The drawing is for the eye; the table below says the same in words, for everyone. */}
      <figure style={{ margin: 0 }}>
        <div aria-hidden="true">
          <BarChart
            h={260}
            data={data}
            dataKey="label"
            type="stacked"
            series={[
              { name: 'net', label: t('console.fees.net'), color: 'ai.7' },
              { name: 'tax', label: t('console.fees.tax'), color: 'orange.6' },
            ]}
            valueFormatter={f.yen}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisProps={{ width: 80 }}
            accessibilityLayer={false}
            tooltipAnimationDuration={0}
            barProps={{ isAnimationActive: false }}
          />
        </div>
        <figcaption className="visually-hidden">{t('console.fees.chart', { year: fees.year })}</figcaption>
      </figure>
      <TableScroll label={caption}>
        <Table withTableBorder striped className="money-table" miw={560}>
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('console.fees.month')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('console.fees.fee')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('console.fees.tax')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('console.fees.net')}
              </Table.Th>
              <Table.Th scope="col" className="num">
                {t('console.fees.payments')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fees.months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw="normal">
                  {f.month(m.month)}
                </Table.Th>
                <Table.Td className="num">{f.yen(m.platformFeeJpy)}</Table.Td>
                <Table.Td className="num">{f.yen(m.feeTaxJpy)}</Table.Td>
                <Table.Td className="num">{f.yen(m.platformFeeJpy - m.feeTaxJpy)}</Table.Td>
                <Table.Td className="num">{m.paidRows}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('console.fees.total')}</Table.Th>
              <Table.Td className="num" fw={700}>
                {f.yen(fees.totals.platformFeeJpy)}
              </Table.Td>
              <Table.Td className="num" fw={700}>
                {f.yen(fees.totals.feeTaxJpy)}
              </Table.Td>
              <Table.Td className="num" fw={700}>
                {f.yen(fees.totals.platformFeeJpy - fees.totals.feeTaxJpy)}
              </Table.Td>
              <Table.Td className="num" fw={700}>
                {fees.totals.paidRows}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </>
  );
}
