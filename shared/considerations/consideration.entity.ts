import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { type Stored, strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import type { ConsiderationKind, ConsiderationOutcome } from './rules.ts';

/**
 * ConsiderationRequest: a professional's request for consideration (freelance act 13条), kept under its
 * engagement with the firm's answer; never deleted.
 * Access patterns:
 *  - record(r)          PutItem     PK=ENGAGEMENT#<id>, SK=CONSIDERATION#<createdAt>#<requestId>, attribute_not_exists
 *  - all(id)            Query       PK=ENGAGEMENT#<id>, SK begins_with CONSIDERATION# (consistent, oldest first)
 *  - answer(r, a)       UpdateItem  the same key, SET answer: attribute_exists(PK) AND attribute_not_exists(answer)
 * A request is found by its id among its engagement's (a handful: `all`), which gives its sort key.
 */
export type ConsiderationAnswer = {
  text: string;
  outcome: ConsiderationOutcome;
  answeredAt: string;
  answeredBy: string;
};
export type ConsiderationRequest = {
  id: string;
  engagementId: string;
  requesterId: string;
  /** The requester's name when they asked. */
  requesterName: string;
  kind: ConsiderationKind;
  request: string;
  dutyApplies: boolean;
  createdAt: string;
  answer?: ConsiderationAnswer;
};
type ConsiderationItem = Stored<ConsiderationRequest, 'ConsiderationRequest'>;

export const considerationKeys = {
  primary: (r: Pick<ConsiderationRequest, 'engagementId' | 'createdAt' | 'id'>) => ({
    PK: `ENGAGEMENT#${r.engagementId}`,
    SK: `CONSIDERATION#${r.createdAt}#${r.id}`,
  }),
};

const fromItem = (item: Record<string, unknown>): ConsiderationRequest => {
  const { updatedAt: _u, ...r } = strip(item as ConsiderationItem);
  return r;
};

export const considerationRequests = {
  async record(r: ConsiderationRequest): Promise<void> {
    const item: ConsiderationItem = {
      ...r,
      ...considerationKeys.primary(r),
      type: 'ConsiderationRequest',
      updatedAt: r.createdAt,
    };
    await db().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  },

  /** Every request of an engagement, oldest first. */
  async all(engagementId: string): Promise<ConsiderationRequest[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
        ExpressionAttributeValues: { ':pk': `ENGAGEMENT#${engagementId}`, ':c': 'CONSIDERATION#' },
        ConsistentRead: true,
      },
      500,
    );
    return items.map(fromItem);
  },

  /** The firm's answer, once: the request as answered, or undefined when it had an answer already. */
  async answer(
    r: ConsiderationRequest,
    answer: ConsiderationAnswer,
  ): Promise<ConsiderationRequest | undefined> {
    try {
      const { Attributes } = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: considerationKeys.primary(r),
          UpdateExpression: 'SET answer = :a, updatedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(answer)',
          ExpressionAttributeValues: { ':a': answer, ':at': answer.answeredAt },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(Attributes as Record<string, unknown>);
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  },
};
