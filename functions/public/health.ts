import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { db, tableName } from '#shared/data/client.ts';
import { endpoint } from '../endpoint.ts';

/** Answers ok only when the table answers: a load balancer or a person sees at once if the data is gone. */
export const handler = endpoint('GET /v1/health', async () => {
  await db().send(new DescribeTableCommand({ TableName: tableName() }));
  return { json: { status: 'ok', time: new Date().toISOString() } };
});
