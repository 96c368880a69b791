import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { eventKeys } from './event.entity.ts';
import type { Attendance } from './rules.ts';

/**
 * Draw: the record of an event's lottery, written once, before any entry learns its result, so that a job
 * run twice applies the same order, and staff can show how the order came about.
 * Access patterns:
 *  - get(eventId)   GetItem  PK=EVENT#<eventId>, SK=DRAW
 */
export type Draw = {
  eventId: string;
  drawnAt: string;
  method: string;
  modes: { attendance: Attendance; capacity: number; order: string[] }[];
};

const key = (eventId: string) => ({ PK: `EVENT#${eventId}`, SK: 'DRAW' });

export const draws = {
  async get(eventId: string): Promise<Draw | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: key(eventId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { PK, SK, type, ...draw } = Item;
    return draw as Draw;
  },

  /** Records the draw and marks the event drawn, both or neither (a second run finds it drawn). */
  async record(draw: Draw): Promise<void> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...key(draw.eventId), type: 'Draw', ...draw },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: eventKeys.primary(draw.eventId),
              UpdateExpression:
                'SET drawnAt = :at, updatedAt = :at, venueWaitSeq = :venue, onlineWaitSeq = :online',
              ConditionExpression: 'attribute_not_exists(drawnAt)',
              ExpressionAttributeValues: {
                ':at': draw.drawnAt,
                ':venue': draw.modes.find((m) => m.attendance === 'venue')?.order.length ?? 0,
                ':online': draw.modes.find((m) => m.attendance === 'online')?.order.length ?? 0,
              },
            },
          },
        ],
      }),
    );
  },
};
