import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';

/** A month's money, in the order every money table shows it. */
export type Money = { grossJpy: number; platformFeeJpy: number; feeTaxJpy: number; netJpy: number };
const COLUMNS = [
  ['grossJpy', 'engagements.gross'],
  ['platformFeeJpy', 'engagements.fee'],
  ['feeTaxJpy', 'engagements.feeTax'],
  ['netJpy', 'engagements.net'],
] as const;

/** The four money headers: gross, platform fee, its tax, net. */
export function MoneyHeaders() {
  const { t } = useTranslation();
  return COLUMNS.map(([key, label]) => (
    <Table.Th key={key} scope="col" className="num">
      {t(label)}
    </Table.Th>
  ));
}

/** The four money cells of a row, in yen ("—" while there is nothing to show). */
export function MoneyCells({ money }: { money: Money | undefined }) {
  const f = useFormat();
  return COLUMNS.map(([key]) => (
    <Table.Td key={key} className="num">
      {money ? f.yen(money[key]) : '—'}
    </Table.Td>
  ));
}
