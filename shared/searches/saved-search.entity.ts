import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { type Stored, strip } from '../data/entity.ts';
import { queryAll } from '../data/query.ts';
import { isConditionFailure } from '../data/transaction.ts';
import { MAX_SAVED_SEARCHES, type SearchFilters } from './rules.ts';

/**
 * Saved search: a professional's search of the project search page, in their user partition beside the tally
 * that keeps them at 20 or fewer. While it is mailed it also sits in one of ten digest shards (sparse: an
 * unsubscribed search leaves its shard), so the morning job lists every mailed search without a Scan.
 * Access patterns:
 *  - mine(userId)              Query          PK=USER#<uid>, SK begins_with SEARCH# (consistent)
 *  - get(userId, id)           GetItem        PK=USER#<uid>, SK=SEARCH#<id>
 *  - byId(id)                  Query          GSI3 GSI3PK=SAVED_SEARCH#<id> (the unsubscribe link knows only the id)
 *  - mailed(bucket)            Query          GSI1 GSI1PK=SAVED_SEARCHES#<0..9>, GSI1SK=<createdAt>#<id>
 *  - save                      TransactWrite  Put search (attribute_not_exists) + Update tally ADD savedCount 1
 *                                             (savedCount < 20)
 *  - remove                    TransactWrite  Delete search (attribute_exists) + Update tally ADD savedCount -1
 *  - unsubscribe               UpdateItem     unsubscribeToken = :token; REMOVE the shard keys
 *  - claim a digest            UpdateItem     lastDigestAt = :from, still in a shard → SET lastDigestAt = :before
 *  - give a digest back        UpdateItem     lastDigestAt = :before → SET lastDigestAt = :from (its mail failed)
 */
export type SavedSearch = {
  id: string;
  userId: string;
  name?: string;
  filters: SearchFilters;
  /** The secret of the unsubscribe link in every digest: only the person's mailbox knows it. */
  unsubscribeToken: string;
  /** Everything published before this has been considered; starts at the saving. */
  lastDigestAt: string;
  unsubscribedAt?: string;
  createdAt: string;
  updatedAt: string;
};
type SavedSearchItem = Stored<SavedSearch, 'SavedSearch'>;

export const DIGEST_SHARDS = 10;

/** The shard a search is listed in: spread by its random id, so no shard partition grows hot. */
export const digestBucket = (id: string) =>
  Number.parseInt(id.replaceAll('-', '').slice(0, 8), 16) % DIGEST_SHARDS;

export const savedSearchKeys = {
  primary: (userId: string, id: string) => ({ PK: `USER#${userId}`, SK: `SEARCH#${id}` }),
  /** The person's count of saved searches (`savedCount`), changed only with a search in one transaction. */
  tally: (userId: string) => ({ PK: `USER#${userId}`, SK: 'SEARCHES' }),
  byId: (id: string) => ({ GSI3PK: `SAVED_SEARCH#${id}`, GSI3SK: 'SAVED_SEARCH' }),
  shard: (bucket: number) => `SAVED_SEARCHES#${bucket}`,
  mailed: (s: Pick<SavedSearch, 'id' | 'createdAt'>) => ({
    GSI1PK: savedSearchKeys.shard(digestBucket(s.id)),
    GSI1SK: `${s.createdAt}#${s.id}`,
  }),
};

const searchOf = (item: Record<string, unknown>) => strip(item as SavedSearchItem) as SavedSearch;
const newestFirst = (a: SavedSearch, b: SavedSearch) =>
  b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

export const savedSearches = {
  async mine(userId: string): Promise<SavedSearch[]> {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :search)',
        ExpressionAttributeValues: { ':pk': savedSearchKeys.tally(userId).PK, ':search': 'SEARCH#' },
        ConsistentRead: true,
      },
      MAX_SAVED_SEARCHES * 2,
    );
    return items.map(searchOf).sort(newestFirst);
  },

  async get(userId: string, id: string): Promise<SavedSearch | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: savedSearchKeys.primary(userId, id) }),
    );
    return Item ? searchOf(Item) : undefined;
  },

  async byId(id: string): Promise<SavedSearch | undefined> {
    const { Items } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK = :sk',
        ExpressionAttributeValues: { ':pk': savedSearchKeys.byId(id).GSI3PK, ':sk': 'SAVED_SEARCH' },
      }),
    );
    return Items?.[0] ? searchOf(Items[0]) : undefined;
  },

  /**
   * Stores a new search and counts it, both or neither. Cancellation reason 1 failing: the person has 20 already.
   */
  async save(search: SavedSearch): Promise<void> {
    const item: SavedSearchItem = {
      ...search,
      ...savedSearchKeys.primary(search.userId, search.id),
      ...savedSearchKeys.byId(search.id),
      ...savedSearchKeys.mailed(search),
      type: 'SavedSearch',
    };
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Update: {
              TableName: tableName(),
              Key: savedSearchKeys.tally(search.userId),
              UpdateExpression: 'ADD savedCount :one SET #type = :type, updatedAt = :at',
              ConditionExpression: 'attribute_not_exists(savedCount) OR savedCount < :max',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':one': 1,
                ':max': MAX_SAVED_SEARCHES,
                ':type': 'SavedSearchTally',
                ':at': search.createdAt,
              },
            },
          },
        ],
      }),
    );
  },

  /** Deletes a search of the person and uncounts it. Cancellation reason 0 failing: they have no such search. */
  async remove(userId: string, id: string, at: string): Promise<void> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: savedSearchKeys.primary(userId, id),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: savedSearchKeys.tally(userId),
              UpdateExpression: 'ADD savedCount :minus SET updatedAt = :at',
              ConditionExpression: 'savedCount > :zero',
              ExpressionAttributeValues: { ':minus': -1, ':zero': 0, ':at': at },
            },
          },
        ],
      }),
    );
  },

  /**
   * Stops the digests of a search, if the token is its own: it leaves its shard and keeps the first time it was
   * unsubscribed (a second click changes nothing). Undefined: no search of that id has that token.
   */
  async unsubscribe(search: SavedSearch, token: string, at: string): Promise<SavedSearch | undefined> {
    try {
      const { Attributes } = await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: savedSearchKeys.primary(search.userId, search.id),
          UpdateExpression:
            'SET unsubscribedAt = if_not_exists(unsubscribedAt, :at), updatedAt = :at REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(PK) AND unsubscribeToken = :token',
          ExpressionAttributeValues: { ':at': at, ':token': token },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? searchOf(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  /** One page of the searches mailed from a shard (read from the index: `lastDigestAt` may lag, claims check it). */
  async mailed(
    bucket: number,
    start?: Record<string, unknown>,
  ): Promise<{ searches: SavedSearch[]; next?: Record<string, unknown> }> {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': savedSearchKeys.shard(bucket) },
        Limit: 100,
        ExclusiveStartKey: start,
      }),
    );
    return {
      searches: (out.Items ?? []).map(searchOf),
      ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
    };
  },

  /**
   * Moves `lastDigestAt` from the window's start to its end, only if nobody did meanwhile and the search is still
   * mailed: of two runs at once, or a run repeated, exactly one gets true and sends the digest.
   */
  async claimDigest(search: SavedSearch, window: { from: string; before: string }): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: savedSearchKeys.primary(search.userId, search.id),
          UpdateExpression: 'SET lastDigestAt = :before',
          ConditionExpression: 'lastDigestAt = :from AND attribute_exists(GSI1PK)',
          ExpressionAttributeValues: { ':from': window.from, ':before': window.before },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Gives a claimed window back when its mail could not be sent, so the next run mails those projects. */
  async releaseDigest(search: SavedSearch, window: { from: string; before: string }): Promise<void> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: savedSearchKeys.primary(search.userId, search.id),
          UpdateExpression: 'SET lastDigestAt = :from',
          ConditionExpression: 'lastDigestAt = :before',
          ExpressionAttributeValues: { ':from': window.from, ':before': window.before },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
};
