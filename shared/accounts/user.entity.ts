import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now, ofType, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryPage } from '../data/query.ts';
import type { Profile } from './rules.ts';

/**
 * User: one profile per Cognito user (`sub`).
 * Access patterns:
 *  - getUser(userId)                     GetItem  PK=USER#<userId>, SK=PROFILE
 *  - usersByIds(ids)                     BatchGetItem (a project's applicants)
 *  - firmsInMunicipality(code)           Query    GSI1 GSI1PK=MUNI#<code>, GSI1SK begins_with FIRM#
 *  - staffOfRegion(code)                 Query    GSI1 GSI1PK=REGION#<code>, GSI1SK begins_with STAFF#
 *  - staffPage(page)                     Query    GSI2 GSI2PK=STAFF, GSI2SK=<regionCode>#<userId> (the operators' console,
 *                                                 paged)
 *  - byEmail(email)                      Query    GSI3 GSI3PK=EMAIL#<lower-case email>, GSI3SK=USER
 *                                                 (the partition is shared: teams put invitations to the address there;
 *                                                 a profile stored before this key gets it at its next put)
 */
export type User = Profile & Suspension & { createdAt: string; updatedAt: string };
/** An operator suspended the account (shared/admin): its every request is refused until it is restored. */
export type Suspension = {
  suspended?: true;
  suspendedAt?: string;
  suspendedBy?: string;
  suspendedReason?: string;
};
type UserItem = Stored<Profile, 'User'>;

export const userKeys = {
  primary: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  byRegion: (profile: Profile): { GSI1PK: string; GSI1SK: string } | undefined => {
    if (profile.role === 'firm')
      return { GSI1PK: `MUNI#${profile.municipalityCode}`, GSI1SK: `FIRM#${profile.userId}` };
    if (profile.role === 'region_staff' && profile.regionCode) {
      return { GSI1PK: `REGION#${profile.regionCode}`, GSI1SK: `STAFF#${profile.userId}` };
    }
    return undefined;
  },
  /** Every region's staff in one partition, by region: the operators list them without a scan. */
  staff: (profile: Profile): { GSI2PK: string; GSI2SK: string } | undefined =>
    profile.role === 'region_staff' && profile.regionCode
      ? { GSI2PK: 'STAFF', GSI2SK: `${profile.regionCode}#${profile.userId}` }
      : undefined,
  /** Everything kept about an e-mail address, whoever owns it: its account (SK USER), invitations to it. */
  emailPartition: (email: string) => `EMAIL#${email.toLowerCase()}`,
  byEmail: (email: string) => ({ GSI3PK: userKeys.emailPartition(email), GSI3SK: 'USER' }),
};

export function userItem(profile: Profile, createdAt: string, updatedAt = createdAt): UserItem {
  return {
    ...profile,
    ...userKeys.primary(profile.userId),
    ...userKeys.byRegion(profile),
    ...userKeys.staff(profile),
    ...(profile.email ? userKeys.byEmail(profile.email) : {}),
    type: 'User',
    createdAt,
    updatedAt,
  };
}

/** A profile in a stream image or a scan. */
export const userOf = ofType<User>('User');

export const users = {
  async get(userId: string): Promise<User | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: userKeys.primary(userId) }),
    );
    return Item ? (strip(Item as UserItem) as User) : undefined;
  },

  /** Profiles by user id (one BatchGetItem per 100), those that exist. */
  async byIds(userIds: string[]): Promise<Map<string, User>> {
    const found = new Map<string, User>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(i, i + 100)
        .map((id) => userKeys.primary(id));
      for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
        const out: BatchGetCommandOutput = await db().send(
          new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[tableName()] ?? []) {
          const user = strip(item as UserItem) as User;
          found.set(user.userId, user);
        }
        keys = out.UnprocessedKeys?.[tableName()]?.Keys;
      }
    }
    return found;
  },

  /** The account of an e-mail address (case-insensitive), if there is one. */
  async byEmail(email: string): Promise<User | undefined> {
    const { GSI3PK, GSI3SK } = userKeys.byEmail(email);
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK = :sk',
        ExpressionAttributeValues: { ':pk': GSI3PK, ':sk': GSI3SK },
      }),
    );
    return Items[0] ? (strip(Items[0] as UserItem) as User) : undefined;
  },

  /** Creates the profile; fails with ConditionalCheckFailed when one already exists (two first PUTs at once). */
  async create(profile: Profile): Promise<User> {
    const item = userItem(profile, now());
    await db().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return strip(item) as User;
  },

  /**
   * Replaces the profile only if its role is still the one we read (a concurrent role change cannot slip in)
   * and it was not suspended meanwhile (the put would drop the suspension).
   */
  async replace(profile: Profile, existing: User): Promise<User> {
    const item = userItem(profile, existing.createdAt, now());
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: item,
        ConditionExpression: 'attribute_exists(PK) AND #role = :role AND attribute_not_exists(#suspended)',
        ExpressionAttributeNames: { '#role': 'role', '#suspended': 'suspended' },
        ExpressionAttributeValues: { ':role': existing.role },
      }),
    );
    return strip(item) as User;
  },

  /** Every region's staff, ordered by region, a page at a time. */
  async staffPage(page: PageRequest): Promise<Page<User>> {
    const out = await queryPage({ index: 'GSI2', pk: 'STAFF', forward: true }, page, 'list of region staff');
    return { items: out.items.map((item) => strip(item as UserItem) as User), nextCursor: out.nextCursor };
  },

  /** Suspending, as a part of the operator's transaction: an account that exists, no operator's, not suspended yet. */
  suspension(userId: string, s: { at: string; by: string; reason: string }) {
    return {
      Update: {
        TableName: tableName(),
        Key: userKeys.primary(userId),
        UpdateExpression:
          'SET #suspended = :true, suspendedAt = :at, suspendedBy = :by, suspendedReason = :reason',
        ConditionExpression:
          'attribute_exists(PK) AND #role <> :operator AND attribute_not_exists(#suspended)',
        ExpressionAttributeNames: { '#role': 'role', '#suspended': 'suspended' },
        ExpressionAttributeValues: {
          ':true': true,
          ':at': s.at,
          ':by': s.by,
          ':reason': s.reason,
          ':operator': 'operator',
        },
      },
    };
  },

  /** Restoring, as a part of the operator's transaction: only a suspended account. */
  restoration(userId: string) {
    return {
      Update: {
        TableName: tableName(),
        Key: userKeys.primary(userId),
        UpdateExpression: 'REMOVE #suspended, suspendedAt, suspendedBy, suspendedReason',
        ConditionExpression: 'attribute_exists(#suspended)',
        ExpressionAttributeNames: { '#suspended': 'suspended' },
      },
    };
  },

  /** Creates the profile an invitation describes and consumes the invitation, both or neither. */
  async acceptInvitation(profile: Profile, consumeInvitation: { Delete: object }): Promise<User> {
    const item = userItem(profile, now());
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          consumeInvitation as never,
        ],
      }),
    );
    return strip(item) as User;
  },
};
