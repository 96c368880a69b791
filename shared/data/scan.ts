import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';

/**
 * Every item of the given types, page by page. For jobs that must see everything (the relationship
 * population's rebuild), never for a request: no route's bundle may carry it (tests/unit/architecture.test.ts).
 */
export async function* scanTypes(types: readonly string[]): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `#type IN (${types.map((_, i) => `:t${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: Object.fromEntries(types.map((t, i) => [`:t${i}`, t])),
        ExclusiveStartKey: start,
        // Pages of a few hundred KB, not DynamoDB's 1 MB: each answers well within the client's request timeout.
        Limit: 1_000,
      }),
    );
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}
