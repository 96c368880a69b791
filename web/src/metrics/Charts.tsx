import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { TYPES } from './Figures.tsx';
import { useFiguresFormat } from './format.ts';
import type { Figures } from './queries.ts';

/**
 * A chart and the same figures as a table: the drawing is hidden from screen readers (and out of the tab
 * order), the table under "show as a table" says it in words.
 */
function ChartFigure({ caption, chart, table }: { caption: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="metrics-figure">
      <div aria-hidden="true" className="metrics-chart">
        {chart}
      </div>
      <figcaption className="visually-hidden">{caption}</figcaption>
      <details className="metrics-details">
        <summary>{t('metrics.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

/** People with a tie each month, and of them those with their first tie with the region. */
export function MonthlyChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const data = figures.monthly.map((m) => ({ ...m, label: f.month(m.month, 'short') }));
  const caption = t('metrics.sections.monthly');
  return (
    <ChartFigure
      caption={caption}
      chart={
        <LineChart
          h={280}
          data={data}
          dataKey="label"
          series={[
            { name: 'relationshipPeople', label: t('metrics.series.relationshipPeople'), color: 'ai.7' },
            // Dashed, so that where everyone was new the line under it still shows.
            {
              name: 'newPeople',
              label: t('metrics.series.newPeople'),
              color: 'orange.8',
              strokeDasharray: '6 4',
            },
          ]}
          curveType="linear"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={f.count}
          yAxisProps={{ allowDecimals: false, width: 40 }}
          accessibilityLayer={false}
          tooltipAnimationDuration={0}
          lineProps={{ isAnimationActive: false }}
        />
      }
      table={
        <TableScroll label={caption}>
          <Table className="money-table" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('metrics.table.month')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('metrics.series.relationshipPeople')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('metrics.series.newPeople')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.monthly.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw="normal">
                    {f.month(m.month)}
                  </Table.Th>
                  <Table.Td className="num">{f.count(m.relationshipPeople)}</Table.Td>
                  <Table.Td className="num">{f.count(m.newPeople)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      }
    />
  );
}

/** MLIT's types of relationship population (国土交通省の類型), one bar each. */
export function TypesChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  const data = TYPES.map((type) => ({ type: t(`metrics.types.${type}`), people: figures.byType[type] }));
  const caption = t('metrics.sections.byType');
  return (
    <ChartFigure
      caption={caption}
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="type"
          orientation="vertical"
          series={[{ name: 'people', label: t('metrics.table.people'), color: 'ai.6' }]}
          valueFormatter={f.count}
          withBarValueLabel
          withTooltip={false}
          gridAxis="none"
          yAxisProps={{ width: 150, interval: 0 }}
          xAxisProps={{ allowDecimals: false }}
          maxBarWidth={28}
          accessibilityLayer={false}
          barProps={{ isAnimationActive: false }}
        />
      }
      table={
        <Table className="money-table" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('metrics.table.type')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('metrics.table.people')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((d) => (
              <Table.Tr key={d.type}>
                <Table.Th scope="row" fw="normal">
                  {d.type}
                </Table.Th>
                <Table.Td className="num">{f.count(d.people)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
