import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../logger.ts';
import { type ListingEntry, listingEntries, listings } from './listing.entity.ts';
import { projectFromImage as projectOf } from './project.entity.ts';
import type { Project } from './rules.ts';

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
      await listings.write(remove, put);
    } catch (error) {
      logger.error('listing sync failed', { error: error as Error, eventID: record.eventID });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber as string });
    }
  }
  return { batchItemFailures };
}
