import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../client.ts';
import { type Stored, strip } from '../entity.ts';
import { type Application, applicationKeys } from './application.ts';

/**
 * Engagement: the monthly retainer an accepted application becomes (payments: the retainers issue).
 * Access patterns:
 *  - getEngagement(id)           GetItem  PK=ENGAGEMENT#<id>, SK=ENGAGEMENT
 *  - firmEngagements(firmId)     Query    GSI1 GSI1PK=FIRM#<firmId>#ENGAGEMENTS
 *  - proEngagements(uid)         Query    GSI2 GSI2PK=PRO#<uid>#ENGAGEMENTS
 */
export type EngagementState = 'awaiting_payment' | 'active' | 'paused' | 'past_due' | 'ending' | 'ended';
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
  state: EngagementState;
  createdAt: string;
  updatedAt: string;
};
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

export const engagements = {
  async get(id: string): Promise<Engagement | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: engagementKeys.primary(id) }),
    );
    return Item ? (strip(Item as EngagementItem) as Engagement) : undefined;
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
          {
            Update: {
              TableName: tableName(),
              Key: applicationKeys.primary(application.id),
              UpdateExpression:
                'SET #status = :accepted, engagementId = :eid, updatedAt = :at, decidedAt = :at',
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':accepted': 'accepted',
                ':eid': engagement.id,
                ':at': engagement.createdAt,
                ':from': application.status,
              },
            },
          },
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  },
};
