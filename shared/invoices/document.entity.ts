import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { queryAll } from '../data/query.ts';
import type { InvoiceDocument } from './rules.ts';

/**
 * InvoiceDocument: a paid month's document as issued (the firm's for the fee, each supplier's for the platform
 * fee), never changed once written: a document is kept as it was issued (保存義務, 7 years).
 * Access patterns:
 *  - issue(doc)                  PutItem  PK=ENGAGEMENT#<id>, SK=DOCUMENT#<invoiceId>#fee
 *                                         or DOCUMENT#<invoiceId>#platform_fee#<professionalId>, attribute_not_exists
 *  - forInvoice(id, invoiceId)   Query    PK=ENGAGEMENT#<id>, SK begins_with DOCUMENT#<invoiceId>#
 */
export const documentKeys = {
  primary: (d: Pick<InvoiceDocument, 'engagementId' | 'invoiceId' | 'kind' | 'professionalId'>) => ({
    PK: `ENGAGEMENT#${d.engagementId}`,
    SK: `DOCUMENT#${d.invoiceId}#${d.kind}${d.kind === 'platform_fee' ? `#${d.professionalId}` : ''}`,
  }),
};

export const invoiceDocuments = {
  /** Keeps a document; 'kept' when it was issued before (a repeated webhook), which stays as it was. */
  async issue(doc: InvoiceDocument): Promise<'issued' | 'kept'> {
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...documentKeys.primary(doc),
            type: 'InvoiceDocument',
            document: doc,
            createdAt: doc.issuedAt,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'issued';
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'kept';
      throw error;
    }
  },

  /** The documents of one paid month: the fee's and one per supplier (a team: at most 21). */
  async forInvoice(engagementId: string, invoiceId: string): Promise<InvoiceDocument[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :doc)',
        ExpressionAttributeValues: { ':pk': `ENGAGEMENT#${engagementId}`, ':doc': `DOCUMENT#${invoiceId}#` },
        ConsistentRead: true,
      },
      50,
    );
    return items.map((i) => i.document as InvoiceDocument);
  },
};
