import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { ofType, type Stored, strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import type { MonthMoney } from './rules.ts';
import { monthInJapan } from './rules.ts';

/**
 * The ledger: one row per Stripe invoice of an engagement, paid or failed (BRIEF 2.3).
 * Access patterns:
 *  - engagementInvoices(id)          Query  PK=ENGAGEMENT#<id>, SK begins_with INVOICE#   (by period)
 *  - professionalEarnings(uid, year) Query  GSI2 GSI2PK=PRO#<uid>#EARNINGS, GSI2SK between <year>-01 and <year>-12~
 *    (paid rows only: a failed month earns nothing)
 */
export type LedgerRow = MonthMoney & {
  engagementId: string;
  invoiceId: string;
  professionalId: string;
  firmId: string;
  title: string;
  firmName: string;
  workType: string;
  status: 'paid' | 'failed';
  periodStart: string;
  periodEnd: string;
  /** When it was paid (or, for a failed row, when it failed): the month of the statement. */
  at: string;
  hostedInvoiceUrl: string | null;
  createdAt: string;
  updatedAt: string;
};
type LedgerItem = Stored<LedgerRow, 'LedgerRow'>;

export const ledgerKeys = {
  primary: (r: Pick<LedgerRow, 'engagementId' | 'periodStart' | 'invoiceId'>) => ({
    PK: `ENGAGEMENT#${r.engagementId}`,
    SK: `INVOICE#${r.periodStart}#${r.invoiceId}`,
  }),
  earnings: (r: Pick<LedgerRow, 'professionalId' | 'at' | 'invoiceId'>) => ({
    GSI2PK: `PRO#${r.professionalId}#EARNINGS`,
    GSI2SK: `${monthInJapan(r.at)}#${r.at}#${r.invoiceId}`,
  }),
};

const fromItem = (item: Record<string, unknown>) => strip(item as LedgerItem) as LedgerRow;
/** A ledger row in a stream image or a scan. */
export const ledgerRowOf = ofType<LedgerRow>('LedgerRow');

export const ledger = {
  /**
   * Writes an invoice's row; idempotent per invoice. A paid row is final: a failure reported late (the
   * first attempt's event after the retry's) never turns it back.
   */
  async record(row: LedgerRow): Promise<'written' | 'kept'> {
    const item: LedgerItem = {
      ...row,
      ...ledgerKeys.primary(row),
      ...(row.status === 'paid' ? ledgerKeys.earnings(row) : {}),
      type: 'LedgerRow',
    };
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK) OR #status <> :paid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':paid': 'paid' },
        }),
      );
      return 'written';
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'kept';
      throw error;
    }
  },

  async forEngagement(engagementId: string): Promise<LedgerRow[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invoice)',
      ExpressionAttributeValues: { ':pk': `ENGAGEMENT#${engagementId}`, ':invoice': 'INVOICE#' },
    });
    return items.map(fromItem);
  },

  async earnings(professionalId: string, year: number): Promise<LedgerRow[]> {
    const items = await queryAll({
      TableName: tableName(),
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `PRO#${professionalId}#EARNINGS`,
        ':from': `${year}-01`,
        ':to': `${year}-12~`,
      },
    });
    return items.map(fromItem);
  },
};
