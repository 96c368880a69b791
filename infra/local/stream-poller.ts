import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type LambdaHandler, lambdaContext } from './gateway.ts';

export type Consumer = { name: string; handler: LambdaHandler; batchSize: number; maxRetries: number };

/** A record a consumer gave up on: what the event source mapping sends to its on-failure queue in the cloud. */
export type StreamFailure = {
  consumer: string;
  eventID: string;
  eventName: string;
  sequenceNumber: string;
  keys: Record<string, unknown>;
  attempts: number;
  failedAt: string;
};

/** A stream record as Lambda's event source mapping hands it over (dates as epoch seconds). */
export function lambdaRecord(record: _Record, streamArn: string, region: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(d as DynamoDBRecord['dynamodb']),
      ApproximateCreationDateTime: d.ApproximateCreationDateTime
        ? Math.floor(new Date(d.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
    },
    eventSourceARN: streamArn,
  } as DynamoDBRecord;
}

/**
 * Feeds the table's stream to the consumers, as Lambda's event source mapping does: batches of records
 * in order per shard, `batchItemFailures` honoured. A record a consumer reports as failed is retried on
 * its own (not with the rest of its batch) up to `maxRetries` times, then recorded in `failures` (the cloud's
 * on-failure queue; `GET /_local/stream-failures`) and skipped, so one poisoned record neither blocks the
 * shard nor makes the others be processed twice.
 */
export async function startStreamPoller(opts: {
  client: DynamoDBClient;
  tableName: string;
  consumers: Consumer[];
  /** 'TRIM_HORIZON' reads the stream from its start (tests); 'LATEST' only what happens from now on. */
  startAt: 'TRIM_HORIZON' | 'LATEST';
  intervalMs?: number;
  /** Where the records given up on go (the local cloud's stand-in for the on-failure queue). */
  failures?: StreamFailure[];
}): Promise<{ stop: () => Promise<void> }> {
  const config = opts.client.config;
  const streams = new DynamoDBStreamsClient({
    endpoint: await config.endpoint?.().then((e) => `${e.protocol}//${e.hostname}:${e.port}${e.path}`),
    region: await config.region(),
    credentials: await config.credentials(),
  });
  const region = await config.region();
  const table = await opts.client.send(new DescribeTableCommand({ TableName: opts.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${opts.tableName} has no stream`);

  let running = true;
  const interval = opts.intervalMs ?? 200;

  async function deliver(consumer: Consumer, records: DynamoDBRecord[]): Promise<Set<string>> {
    const event: DynamoDBStreamEvent = { Records: records };
    try {
      const result = (await consumer.handler(event, lambdaContext(consumer.name))) as
        | DynamoDBBatchResponse
        | undefined;
      return new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      console.error(`[streams] ${consumer.name} threw; the whole batch fails`, error);
      return new Set(records.map((r) => r.dynamodb?.SequenceNumber as string));
    }
  }

  async function feed(consumer: Consumer, records: DynamoDBRecord[]) {
    for (let i = 0; i < records.length; i += consumer.batchSize) {
      const batch = records.slice(i, i + consumer.batchSize);
      const failed = await deliver(consumer, batch);
      for (const record of batch.filter((r) => failed.has(r.dynamodb?.SequenceNumber as string))) {
        let ok = false;
        for (let attempt = 1; attempt <= consumer.maxRetries && !ok; attempt++) {
          ok = (await deliver(consumer, [record])).size === 0;
        }
        if (ok) continue;
        console.error(`[streams] ${consumer.name} gave up on record ${record.eventID}`);
        opts.failures?.push({
          consumer: consumer.name,
          eventID: record.eventID ?? '',
          eventName: record.eventName ?? '',
          sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
          keys: unmarshall((record.dynamodb?.Keys ?? {}) as Parameters<typeof unmarshall>[0]),
          attempts: 1 + consumer.maxRetries,
          failedAt: new Date().toISOString(),
        });
      }
    }
  }

  /** One consumer's reading of the stream: its own iterators, as each event source mapping has its own. */
  async function poll(consumer: Consumer, iterators: Map<string, string | undefined>) {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId as string;
      if (!iterators.has(id)) {
        const known = iterators.size > 0 || opts.startAt === 'TRIM_HORIZON';
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: id,
            // A shard that appears after start-up is read from its beginning.
            ShardIteratorType: known ? 'TRIM_HORIZON' : 'LATEST',
          }),
        );
        iterators.set(id, ShardIterator);
      }
    }
    for (const [id, iterator] of iterators) {
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(id, page.NextShardIterator);
      const records = (page.Records ?? []).map((r) => lambdaRecord(r, streamArn as string, region));
      if (records.length) await feed(consumer, records);
    }
  }

  // Each consumer reads at its own pace: a slow one (the relationship population catching up on a
  // backlog) never holds back another (the search listings), as separate event source mappings do not.
  const loops = opts.consumers.map(async (consumer) => {
    const iterators = new Map<string, string | undefined>(); // shard id → next iterator (undefined: closed)
    while (running) {
      try {
        await poll(consumer, iterators);
      } catch (error) {
        if (running) console.error(`[streams] ${consumer.name}: poll failed`, (error as Error).message);
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  });

  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
