import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { DEFAULT_SETTINGS, type PlatformSettings } from './rules.ts';

/**
 * The platform's settings: one item.
 *  - getSettings()   GetItem  PK=SETTINGS#PLATFORM, SK=SETTINGS
 */
const key = { PK: 'SETTINGS#PLATFORM', SK: 'SETTINGS' };

export const platformSettings = {
  async get(): Promise<PlatformSettings> {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key }));
    if (!Item) return DEFAULT_SETTINGS;
    return {
      platformFeePercent: Item.platformFeePercent,
      invoiceRegistrationNumber: Item.invoiceRegistrationNumber ?? null,
      withholdingWorkTypes: Item.withholdingWorkTypes ?? [],
      updatedAt: Item.updatedAt,
    };
  },
  /** First start: the settings unless an operator has set them. */
  async putIfMissing(settings: PlatformSettings): Promise<void> {
    await db()
      .send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key, type: 'Settings', ...settings },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  },
  /** The operator's new settings, as a part of the transaction that records the change in the audit trail. */
  putting(settings: PlatformSettings, by: string) {
    return {
      Put: { TableName: tableName(), Item: { ...key, type: 'Settings', ...settings, updatedBy: by } },
    };
  },
};
