import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';

/**
 * One document client per process. The endpoint is not set here: the SDK reads
 * AWS_ENDPOINT_URL_DYNAMODB, so the same code talks to DynamoDB or to DynamoDB Local.
 * Short timeouts and one retry: an unreachable or stalled database becomes a 503 within about 6 seconds, not a
 * hung request. `throwOnRequestTimeout`: without it the SDK only warns when an answer is late and keeps waiting.
 */
let client: DynamoDBDocumentClient | undefined;

/** Created on first use, so key builders and pure code can be imported (and unit-tested) without configuration. */
export function db(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: config().AWS_REGION,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
    }),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
  return client;
}

export function tableName(): string {
  const name = config().TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set: this function's line does not say it needs the table");
  return name;
}

/** The table's own description: the cheapest call that proves the table is there and answers. */
export async function describeTable(): Promise<void> {
  await db().send(new DescribeTableCommand({ TableName: tableName() }));
}
