import { CreateTableCommand, DeleteTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { startStreamPoller } from '../../infra/local/stream-poller.ts';
import { table } from '../support/api.ts';

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('local stream poller', () => {
  const { client } = table();
  const tableName = `poller-${Date.now()}`;
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('hands records over in Lambda’s event shape and re-delivers only the record a handler reported as failed', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const seen: string[] = [];
    const events: DynamoDBStreamEvent[] = [];
    let poisonFailures = 0;
    const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      events.push(event);
      const batchItemFailures: { itemIdentifier: string }[] = [];
      for (const record of event.Records) {
        const pk = record.dynamodb?.NewImage?.PK?.S as string;
        seen.push(pk);
        if (pk === 'b' && poisonFailures === 0) {
          poisonFailures++;
          batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber as string });
        }
      }
      return { batchItemFailures };
    };
    // Items written before the poller starts are read from the start of the stream, in order.
    for (const pk of ['a', 'b', 'c']) {
      await client.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: pk }, n: { N: '1' } } }));
    }
    ({ stop } = await startStreamPoller({
      client,
      tableName,
      startAt: 'TRIM_HORIZON',
      intervalMs: 50,
      consumers: [{ name: 'test', handler: handler as never, batchSize: 10, maxRetries: 3 }],
    }));
    await until(() => seen.length >= 4);
    await new Promise((r) => setTimeout(r, 300)); // anything further would arrive now

    expect(seen).toEqual(['a', 'b', 'c', 'b']);
    expect(events[0]?.Records).toHaveLength(3);
    expect(events[1]?.Records).toHaveLength(1);
    const first = events[0]?.Records[0];
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: {
        Keys: { PK: { S: 'a' } },
        NewImage: { PK: { S: 'a' }, n: { N: '1' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(first?.eventSourceARN).toContain(tableName);
    expect(typeof first?.dynamodb?.ApproximateCreationDateTime).toBe('number');

    // A modification carries the old and the new image.
    await client.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: 'a' }, n: { N: '2' } } }));
    await until(() => seen.length >= 5);
    const modify = events.at(-1)?.Records[0];
    expect(modify?.eventName).toBe('MODIFY');
    expect(modify?.dynamodb?.OldImage?.n?.N).toBe('1');
    expect(modify?.dynamodb?.NewImage?.n?.N).toBe('2');
  });
});
