import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Application, applications } from '../applications/application.entity.ts';
import type { AppliedEventMarker } from '../billing/stripe-event.entity.ts';
import { db, tableName } from '../data/client.ts';
import { now, type Stored, strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import type { EngagementState } from './rules.ts';

/**
 * Engagement: the monthly retainer an accepted application becomes (payments: the retainers issue).
 * Access patterns:
 *  - getEngagement(id)           GetItem  PK=ENGAGEMENT#<id>, SK=ENGAGEMENT
 *  - firmEngagements(firmId)     Query    GSI1 GSI1PK=FIRM#<firmId>#ENGAGEMENTS
 *  - proEngagements(uid)         Query    GSI2 GSI2PK=PRO#<uid>#ENGAGEMENTS
 * Stripe's side (subscription, period, state) is written only by `applyStripe`, conditioned on the version
 * that was read, so two webhooks at once cannot interleave their reads and writes.
 */
export type { EngagementState };
export type Engagement = {
  id: string;
  applicationId: string;
  projectId: string;
  firmId: string;
  professionalId: string;
  title: string;
  monthlyFeeJpy: number;
  hoursPerMonth: number;
  durationMonths: number;
  startMonth?: string;
  /** Snapshots taken at acceptance: the fee the operator had set, the firm and professional's names. */
  platformFeePercent: number;
  workType: string;
  firmName: string;
  professionalName: string;
  state: EngagementState;
  /** Stripe's side, once the firm has started paying. */
  checkoutSessionId?: string;
  checkoutAttempts?: number;
  customerId?: string;
  subscriptionId?: string;
  currentPeriodStart?: string;
  currentPeriodEnd?: string;
  cancelAtPeriodEnd?: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** What a Stripe subscription says about an engagement. */
export type StripeSide = Pick<
  Engagement,
  'state' | 'customerId' | 'subscriptionId' | 'currentPeriodStart' | 'currentPeriodEnd' | 'cancelAtPeriodEnd'
>;
type EngagementItem = Stored<Engagement, 'Engagement'>;

export const engagementKeys = {
  primary: (id: string) => ({ PK: `ENGAGEMENT#${id}`, SK: 'ENGAGEMENT' }),
  byFirm: (e: Pick<Engagement, 'firmId' | 'createdAt' | 'id'>) => ({
    GSI1PK: `FIRM#${e.firmId}#ENGAGEMENTS`,
    GSI1SK: `${e.createdAt}#${e.id}`,
  }),
  byProfessional: (e: Pick<Engagement, 'professionalId' | 'createdAt' | 'id'>) => ({
    GSI2PK: `PRO#${e.professionalId}#ENGAGEMENTS`,
    GSI2SK: `${e.createdAt}#${e.id}`,
  }),
};

const fromItem = (item: Record<string, unknown>) => {
  const e = strip(item as EngagementItem) as Engagement;
  return { ...e, version: e.version ?? 0 };
};

async function queryIndex(index: 'GSI1' | 'GSI2', pk: string): Promise<Engagement[]> {
  const items = await queryAll(
    {
      TableName: tableName(),
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
    },
    500,
  );
  return items.map(fromItem);
}

export const engagements = {
  async get(id: string): Promise<Engagement | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: engagementKeys.primary(id) }),
    );
    return Item ? fromItem(Item) : undefined;
  },

  forFirm: (firmId: string) => queryIndex('GSI1', `FIRM#${firmId}#ENGAGEMENTS`),
  forProfessional: (userId: string) => queryIndex('GSI2', `PRO#${userId}#ENGAGEMENTS`),

  /** Keeps the Checkout Session the firm was sent to, unless another request kept one meanwhile. */
  async keepCheckoutSession(e: Engagement, sessionId: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: engagementKeys.primary(e.id),
          UpdateExpression: 'SET checkoutSessionId = :sid, checkoutAttempts = :n, updatedAt = :at',
          ConditionExpression: e.checkoutSessionId
            ? 'checkoutSessionId = :previous'
            : 'attribute_not_exists(checkoutSessionId)',
          ExpressionAttributeValues: {
            ':sid': sessionId,
            ':n': (e.checkoutAttempts ?? 0) + 1,
            ':at': now(),
            ...(e.checkoutSessionId ? { ':previous': e.checkoutSessionId } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  /**
   * Writes Stripe's side of the engagement if it is still at the version that was read, together with the
   * marker of the event that reported it (if any). Throws TransactionCanceledException when either condition
   * fails: `cancellationReasons` tells which (0 = the event was applied already, 1 = the engagement moved).
   */
  async applyStripe(e: Engagement, side: StripeSide, marker?: AppliedEventMarker): Promise<void> {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':read': e.version, ':next': e.version + 1, ':at': now() };
    const sets = ['#version = :next', 'updatedAt = :at'];
    for (const [field, value] of Object.entries(side)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const update = {
      Update: {
        TableName: tableName(),
        Key: engagementKeys.primary(e.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression:
          'attribute_exists(PK) AND (#version = :read OR (attribute_not_exists(#version) AND :read = :zero))',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':zero': 0 },
      },
    };
    // The marker goes first, so reason 0 always means "already applied".
    await db().send(new TransactWriteCommand({ TransactItems: marker ? [marker, update] : [update] }));
  },

  /**
   * Accepting: the application moves to accepted (only from the status that was read) and its engagement is
   * created, both or neither. Of ten accepts at once, one transaction wins; the rest find it accepted.
   */
  async startFromAcceptance(application: Application, engagement: Engagement): Promise<void> {
    const item: EngagementItem = {
      ...engagement,
      ...engagementKeys.primary(engagement.id),
      ...engagementKeys.byFirm(engagement),
      ...engagementKeys.byProfessional(engagement),
      type: 'Engagement',
    };
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          applications.acceptance(application, engagement.id, engagement.createdAt),
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  },
};
