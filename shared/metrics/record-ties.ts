import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { users } from '../accounts/user.entity.ts';
import { cancellationReasons, isTransactionConflict } from '../data/transaction.ts';
import { events } from '../events/event.entity.ts';
import { logger } from '../logger.ts';
import { projects } from '../projects/project.entity.ts';
import { metrics } from './metrics.entity.ts';
import { changesOf, contribution, delta, type MarkerChange, profileChanges, sameMarker } from './rules.ts';
import { factsOf, type Lookups } from './sources.ts';

type Image = Parameters<typeof unmarshall>[0];
/** The record types ties come from: everything else on the stream (our own counters too) is passed by. */
const SOURCES = new Set(['Project', 'Application', 'LedgerRow', 'Registration', 'User']);
const typeOf = (image: unknown) => (image as { type?: { S?: string } } | undefined)?.type?.S;
const plain = (image: unknown) => (image ? unmarshall(image as Image) : undefined);

/** Someone else changed the marker between our read and our write: read it again. */
const markerMoved = (error: unknown) =>
  isTransactionConflict(error) ||
  ((error as Error).name === 'TransactionCanceledException' &&
    cancellationReasons(error)[0] === 'ConditionalCheckFailed');

/**
 * One marker change: read the marker, apply the fact, and if that changes anything write the new marker
 * and the difference it makes to the months, in one transaction conditioned on the marker's version.
 * A fact seen before changes nothing, so a duplicate delivery or a retried batch counts once.
 */
export async function applyChange(change: MarkerChange, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await metrics.marker(change.regionCode, change.subject);
    const after = change.apply(before?.marker);
    if (!after || sameMarker(before?.marker, after)) return;
    try {
      await metrics.change(
        change.regionCode,
        change.subject,
        before,
        after,
        delta(contribution(before?.marker), contribution(after)),
      );
      return;
    } catch (error) {
      if (!markerMoved(error) || attempt >= attempts) throw error;
    }
  }
}

/** Lookups against the table, remembered for one batch. */
function tableLookups(): Lookups {
  const memo = <T>(get: (id: string) => Promise<T>) => {
    const seen = new Map<string, Promise<T>>();
    return (id: string) => {
      const found = seen.get(id) ?? get(id);
      seen.set(id, found);
      return found;
    };
  };
  return { project: memo(projects.get), user: memo(users.get), event: memo(events.get) };
}

export async function recordOne(record: DynamoDBRecord, lookups: Lookups = tableLookups()): Promise<void> {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  if (!SOURCES.has(typeOf(image) ?? '')) return;
  const facts = await factsOf(plain(record.dynamodb?.NewImage), plain(record.dynamodb?.OldImage), lookups);
  for (const fact of facts) {
    const changes =
      fact.kind === 'profile'
        ? profileChanges(fact.person, await metrics.regionsOfPerson(fact.person.personId))
        : changesOf(fact);
    for (const change of changes) await applyChange(change);
  }
}

/**
 * Records of one batch counted at once: facts commute and every marker is written only at the version read
 * (a clash is read again and re-applied), so their order does not matter.
 */
const IN_FLIGHT = 8;

/**
 * The stream consumer (functions/streams.ts) that keeps the relationship population's month counters:
 * each new application, paid month and check-in becomes ties of its regions. A record that fails is
 * reported alone (batch item failures) and retried; the others are not counted twice.
 */
export async function recordTies(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const lookups = tableLookups();
  const records = event.Records;
  const failed = new Set<DynamoDBRecord>();
  let next = 0;
  const worker = async () => {
    for (let record = records[next++]; record; record = records[next++]) {
      try {
        await recordOne(record, lookups);
      } catch (error) {
        logger.error('relationship population: record failed', {
          error: error as Error,
          eventID: record.eventID,
          type: typeOf(record.dynamodb?.NewImage ?? record.dynamodb?.OldImage),
        });
        failed.add(record);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, records.length) }, worker));
  return {
    batchItemFailures: records
      .filter((r) => failed.has(r))
      .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber as string })),
  };
}
