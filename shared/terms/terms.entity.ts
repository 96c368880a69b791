import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { queryAll } from '../data/query.ts';
import type { TermsFacts, TermsReason } from './contract.ts';

/**
 * TermsVersion: one issued version of an engagement's terms (3条通知), never changed once written.
 * Access patterns:
 *  - issue(n)          PutItem  PK=ENGAGEMENT#<id>, SK=TERMS#<n, 4 digits>, attribute_not_exists (a number is issued once)
 *  - version(id, n)    GetItem  same key
 *  - versions(id)      Query    PK=ENGAGEMENT#<id>, SK begins_with TERMS#, in version order
 */
export type TermsVersion = {
  engagementId: string;
  version: number;
  reason: TermsReason;
  issuedAt: string;
  facts: TermsFacts;
};

export const termsKeys = {
  primary: (engagementId: string, version: number) => ({
    PK: `ENGAGEMENT#${engagementId}`,
    SK: `TERMS#${String(version).padStart(4, '0')}`,
  }),
};

const fromItem = (item: Record<string, unknown>): TermsVersion => {
  const { engagementId, version, reason, issuedAt, facts } = item as TermsVersion;
  return { engagementId, version, reason, issuedAt, facts };
};

export const termsVersions = {
  /** Issuing a version, as a part of the transaction that makes the change it records (the first: the acceptance). */
  issuing(v: TermsVersion) {
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...termsKeys.primary(v.engagementId, v.version),
          type: 'TermsVersion',
          ...v,
          createdAt: v.issuedAt,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  },

  /** Issuing a version on its own; false when that number was issued meanwhile. */
  async issue(v: TermsVersion): Promise<boolean> {
    try {
      await db().send(new PutCommand(termsVersions.issuing(v).Put));
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  async version(engagementId: string, version: number): Promise<TermsVersion | undefined> {
    const { Item } = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: termsKeys.primary(engagementId, version),
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  /** Every version, oldest first (a handful: one per change of terms). */
  async all(engagementId: string): Promise<TermsVersion[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :terms)',
        ExpressionAttributeValues: { ':pk': `ENGAGEMENT#${engagementId}`, ':terms': 'TERMS#' },
        ConsistentRead: true,
      },
      200,
    );
    return items.map(fromItem);
  },
};
