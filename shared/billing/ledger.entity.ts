import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now, ofType, type Stored, strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import { cancellationReasons, retryOnConflict } from '../data/transaction.ts';
import { feeIncome } from './fee-income.entity.ts';
import type { MonthMoney } from './rules.ts';
import { monthInJapan } from './rules.ts';

/**
 * The ledger: one row per Stripe invoice of an engagement, paid or failed (BRIEF 2.3); a team engagement's
 * invoice has one row per member with a share, each with their part (SK ends with #<member's id>).
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
  /** A team member's part of the month: the team, their share, and the transfer that paid it. */
  teamId?: string;
  teamName?: string;
  sharePercent?: number;
  transferId?: string;
  createdAt: string;
  updatedAt: string;
};
type LedgerItem = Stored<LedgerRow, 'LedgerRow'>;

export const ledgerKeys = {
  primary: (
    r: Pick<LedgerRow, 'engagementId' | 'periodStart' | 'invoiceId' | 'teamId' | 'professionalId'>,
  ) => ({
    PK: `ENGAGEMENT#${r.engagementId}`,
    SK: `INVOICE#${r.periodStart}#${r.invoiceId}${r.teamId ? `#${r.professionalId}` : ''}`,
  }),
  earnings: (r: Pick<LedgerRow, 'professionalId' | 'at' | 'invoiceId'>) => ({
    GSI2PK: `PRO#${r.professionalId}#EARNINGS`,
    GSI2SK: `${monthInJapan(r.at)}#${r.at}#${r.invoiceId}`,
  }),
};

const fromItem = (item: Record<string, unknown>) => strip(item as LedgerItem) as LedgerRow;
/** A ledger row in a stream image or a scan. */
export const ledgerRowOf = ofType<LedgerRow>('LedgerRow');
/** What one row pays: the invoice, or a member's part of it. */
export const paymentIdOf = (r: Pick<LedgerRow, 'invoiceId' | 'teamId' | 'professionalId'>) =>
  r.teamId ? `${r.invoiceId}#${r.professionalId}` : r.invoiceId;

export const ledger = {
  /**
   * Writes an invoice's row; idempotent per invoice. A paid row is final: a failure reported late (the
   * first attempt's event after the retry's) never turns it back. The first write of a paid row adds its fee
   * to the platform's month (./fee-income.entity.ts) in the same transaction, so the fee is counted once.
   */
  async record(row: LedgerRow): Promise<'written' | 'kept'> {
    const item: LedgerItem = {
      ...row,
      ...ledgerKeys.primary(row),
      ...(row.status === 'paid' ? ledgerKeys.earnings(row) : {}),
      type: 'LedgerRow',
    };
    const put = {
      TableName: tableName(),
      Item: item,
      ConditionExpression: 'attribute_not_exists(PK) OR #status <> :paid',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':paid': 'paid' },
    };
    try {
      if (row.status !== 'paid') await db().send(new PutCommand(put));
      // The month's counter is shared by every payment of the month: a conflict on it is retried.
      else
        await retryOnConflict(() =>
          db().send(new TransactWriteCommand({ TransactItems: [{ Put: put }, feeIncome.addition(row)] })),
        );
      return 'written';
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'kept';
      if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') return 'kept';
      throw error;
    }
  },

  /** Keeps the transfer that paid a member's part; the first one kept stays. */
  async markTransferred(row: LedgerRow, transferId: string): Promise<void> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: ledgerKeys.primary(row),
          UpdateExpression: 'SET transferId = :t, updatedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(transferId)',
          ExpressionAttributeValues: { ':t': transferId, ':at': now() },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  },

  /** The rows of one invoice (a team's: one per member). */
  async forInvoice(r: Pick<LedgerRow, 'engagementId' | 'periodStart' | 'invoiceId'>): Promise<LedgerRow[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invoice)',
      ExpressionAttributeValues: {
        ':pk': `ENGAGEMENT#${r.engagementId}`,
        ':invoice': `INVOICE#${r.periodStart}#${r.invoiceId}`,
      },
    });
    return items.map(fromItem);
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
