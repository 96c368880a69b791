import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../engagements/TableScroll.tsx';
import { useFiguresFormat } from './format.ts';

export type Cell = { key: string; label: string; people: number | null; suppressed: boolean };

/**
 * A table of people by home prefecture or by skill. A hidden small cell (1–2 people, or one that would give
 * a hidden one away) shows "X", as official tables print it, and says 秘匿 / "hidden" to screen readers.
 */
export function CellTable({ caption, heading, cells }: { caption: string; heading: string; cells: Cell[] }) {
  const { t } = useTranslation();
  const f = useFiguresFormat();
  if (!cells.length) return <Text c="dimmed">{t('metrics.emptyTable')}</Text>;
  return (
    <TableScroll label={caption}>
      <Table className="money-table cell-table" withTableBorder striped>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('metrics.table.people')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((c) => (
            <Table.Tr key={c.key} data-suppressed={c.suppressed || undefined}>
              <Table.Th scope="row" fw="normal">
                {c.label}
              </Table.Th>
              <Table.Td className="num">
                {c.suppressed || c.people === null ? (
                  <abbr className="suppressed" title={t('metrics.suppressed')}>
                    <span aria-hidden="true">X</span>
                    <span className="visually-hidden">{t('metrics.suppressed')}</span>
                  </abbr>
                ) : (
                  f.count(c.people)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
