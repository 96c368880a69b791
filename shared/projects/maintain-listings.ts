import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { db, tableName } from '../data/client.ts';
import { type ListingEntry, listingEntries } from './listing.entity.ts';
import { fromItem } from './project.entity.ts';
import type { Project } from './rules.ts';
import { logger } from '../logger.ts';

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;
const projectOf = (image: Image | undefined): Project | undefined => {
  if (image?.type?.S !== 'Project') return undefined;
  return fromItem(unmarshall(image as Parameters<typeof unmarshall>[0]));
};
const keyOf = (e: ListingEntry) => `${e.PK}\u0000${e.SK}`;

/** What a change of one project does to its listings: entries to remove and entries to (re)write. */
export function listingChanges(before: Project | undefined, after: Project | undefined) {
  const old = new Map((before ? listingEntries(before) : []).map((e) => [keyOf(e), e]));
  const next = new Map((after ? listingEntries(after) : []).map((e) => [keyOf(e), e]));
  const remove = [...old.entries()].filter(([k]) => !next.has(k)).map(([, e]) => ({ PK: e.PK, SK: e.SK }));
  const put = [...next.entries()]
    .filter(([k, e]) => JSON.stringify(old.get(k)) !== JSON.stringify(e))
    .map(([, e]) => e);
  return { remove, put };
}

async function write(requests: Record<string, unknown>[]) {
  for (let i = 0; i < requests.length; i += 25) {
    let batch: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; batch?.length; attempt++) {
      if (attempt === 8) throw new Error('listing writes left unprocessed');
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: batch as never } }));
      batch = out.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
  }
}

/**
 * The stream consumer that keeps listings in step with projects. Idempotent: replaying a record writes
 * the same entries again. A record that fails is reported alone (batch item failures).
 */
export async function syncListings(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const before = projectOf(record.dynamodb?.OldImage);
    const after = projectOf(record.dynamodb?.NewImage);
    if (!before && !after) continue;
    const { remove, put } = listingChanges(before, after);
    if (!remove.length && !put.length) continue;
    try {
      await write([
        ...remove.map((Key) => ({ DeleteRequest: { Key } })),
        ...put.map((Item) => ({ PutRequest: { Item } })),
      ]);
    } catch (error) {
      logger.error('listing sync failed', { error: error as Error, eventID: record.eventID });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber as string });
    }
  }
  return { batchItemFailures };
}
