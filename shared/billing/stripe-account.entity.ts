import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now } from '../data/entity.ts';

/**
 * A user's links to Stripe, kept beside the profile (which PUT /v1/me rewrites) rather than in it.
 *  - payout account of a professional   GetItem  PK=USER#<uid>, SK=STRIPE#PAYOUT_ACCOUNT
 *  - billing customer of a firm         GetItem  PK=USER#<uid>, SK=STRIPE#CUSTOMER
 */
export type PayoutAccount = { userId: string; accountId: string; ready: boolean; updatedAt: string };
export type BillingCustomer = { userId: string; customerId: string };

const payoutKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'STRIPE#PAYOUT_ACCOUNT' });
const customerKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'STRIPE#CUSTOMER' });

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

export const payoutAccounts = {
  async get(userId: string): Promise<PayoutAccount | undefined> {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: payoutKey(userId) }));
    return Item
      ? { userId, accountId: Item.accountId, ready: Item.ready === true, updatedAt: Item.updatedAt }
      : undefined;
  },
  /** The first account stands: a concurrent onboarding gets the one already kept. */
  async keep(userId: string, accountId: string): Promise<PayoutAccount> {
    const at = now();
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...payoutKey(userId),
            type: 'PayoutAccount',
            accountId,
            ready: false,
            createdAt: at,
            updatedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { userId, accountId, ready: false, updatedAt: at };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await payoutAccounts.get(userId)) as PayoutAccount;
    }
  },
  /** Whether Stripe can pay the account out, as Stripe has it now. Returns whether it changed. */
  async setReady(userId: string, accountId: string, ready: boolean): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: payoutKey(userId),
          UpdateExpression: 'SET ready = :ready, updatedAt = :at',
          ConditionExpression: 'accountId = :account AND ready <> :ready',
          ExpressionAttributeValues: { ':ready': ready, ':account': accountId, ':at': now() },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};

export const billingCustomers = {
  async get(userId: string): Promise<BillingCustomer | undefined> {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: customerKey(userId) }));
    return Item ? { userId, customerId: Item.customerId } : undefined;
  },
  async keep(userId: string, customerId: string): Promise<BillingCustomer> {
    const at = now();
    try {
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...customerKey(userId), type: 'BillingCustomer', customerId, createdAt: at, updatedAt: at },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { userId, customerId };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await billingCustomers.get(userId)) as BillingCustomer;
    }
  },
};
