import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import type { LedgerRow } from './ledger.entity.ts';
import { monthInJapan } from './rules.ts';

/**
 * The platform's fee income, one counter item per month (in Japan time, of the payment), added to in the same
 * transaction that first records a paid ledger row: a paid row is written once, so each fee is counted once,
 * and a team's rows (one per member, whose fee parts add up) add up to the invoice's fee.
 * Access patterns:
 *  - yearOfFees(year)   Query  PK=FEES#<year>, SK begins_with MONTH#   (≤ 12 items)
 */
export type FeeMonth = {
  month: string;
  platformFeeJpy: number;
  feeTaxJpy: number;
  grossJpy: number;
  paidRows: number;
};

export const feeIncomeKeys = {
  year: (year: string | number) => `FEES#${year}`,
  month: (month: string) => ({ PK: feeIncomeKeys.year(month.slice(0, 4)), SK: `MONTH#${month}` }),
};

export const feeIncome = {
  /** The month's addition, as a part of the transaction that records the paid row. */
  addition(row: Pick<LedgerRow, 'at' | 'platformFeeJpy' | 'feeTaxJpy' | 'grossJpy'>) {
    const month = monthInJapan(row.at);
    return {
      Update: {
        TableName: tableName(),
        Key: feeIncomeKeys.month(month),
        UpdateExpression:
          'SET #type = :type, #month = :month ADD platformFeeJpy :fee, feeTaxJpy :tax, grossJpy :gross, paidRows :one',
        ExpressionAttributeNames: { '#type': 'type', '#month': 'month' },
        ExpressionAttributeValues: {
          ':type': 'FeeMonth',
          ':month': month,
          ':fee': row.platformFeeJpy,
          ':tax': row.feeTaxJpy,
          ':gross': row.grossJpy,
          ':one': 1,
        },
      },
    };
  },

  /** The counted months of a year (a month without a paid invoice has no item). */
  async year(year: number): Promise<FeeMonth[]> {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :month)',
        ExpressionAttributeValues: { ':pk': feeIncomeKeys.year(year), ':month': 'MONTH#' },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => ({
      month: item.month as string,
      platformFeeJpy: Number(item.platformFeeJpy ?? 0),
      feeTaxJpy: Number(item.feeTaxJpy ?? 0),
      grossJpy: Number(item.grossJpy ?? 0),
      paidRows: Number(item.paidRows ?? 0),
    }));
  },
};
