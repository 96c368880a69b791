import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { userKeys } from '../accounts/user.entity.ts';
import { db, tableName } from '../data/client.ts';
import { type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryAll, queryPage } from '../data/query.ts';
import { MAX_TEAM_MEMBERS } from './rules.ts';

/**
 * Team: a director and the professionals who joined, and the invitations still to be taken up, all in the
 * team's partition. `memberCount` (who joined, the director included) and `seatsTaken` (who joined plus every
 * stored invitation) live on the team item and change only in the transactions below, under conditions that
 * keep both at 20 or fewer.
 * Access patterns:
 *  - get(teamId)                   GetItem       PK=TEAM#<id>, SK=TEAM
 *  - byIds(teamIds)                BatchGetItem  (a person's list of teams)
 *  - joinedAmong(userId, teamIds)  BatchGetItem  the person's MEMBER#<uid> in each team (a page of invitations)
 *  - load(teamId)                  Query         PK=TEAM#<id> (consistent): SK TEAM · MEMBER#<uid> · INVITE#<email>
 *  - activeMembers(teamId)         Query         PK=TEAM#<id>, SK begins_with MEMBER#
 *  - teams of a user               Query         GSI1 GSI1PK=USER#<uid>#TEAMS, GSI1SK=<joinedAt>#<teamId>, newest first
 *                                                (paged)
 *  - invitations to an address     Query         GSI3 GSI3PK=EMAIL#<email>, GSI3SK begins_with TEAM#, expiresAt > now
 *                                                as FilterExpression (paged, in team-id order)
 *  - create                        TransactWrite Put team + Put the director's member item (attribute_not_exists)
 *  - invite                        TransactWrite Put invitation (attribute_not_exists) + Update team ADD seatsTaken 1
 *                                                (seatsTaken < 20) [+ ConditionCheck: the account is no member]
 *  - join                          TransactWrite Delete invitation (expiresAt = :read, > now) + Put member
 *                                                (attribute_not_exists) + Update team ADD memberCount 1 (memberCount < 20)
 *  - leave                         TransactWrite Delete member (exists, not the director) + Update team ADD
 *                                                memberCount -1, seatsTaken -1
 *  - drop an expired invitation    TransactWrite Delete invitation (expiresAt = :read) + Update team ADD seatsTaken -1
 */
export type Team = {
  id: string;
  name: string;
  description?: string;
  directorId: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
};
type TeamItem = Stored<Team & { seatsTaken: number }, 'Team'>;

export type TeamMember = {
  teamId: string;
  userId: string;
  /** The name they had when they joined (views show the profile's current one). */
  displayName: string;
  role: 'director' | 'member';
  joinedAt: string;
};
type TeamMemberItem = Stored<TeamMember, 'TeamMember'>;

export type TeamInvitation = {
  teamId: string;
  /** Lower case. */
  email: string;
  invitedBy: string;
  expiresAt: string;
  createdAt: string;
};
type TeamInvitationItem = Stored<TeamInvitation, 'TeamInvitation'>;

/** A team with everything in its partition, read at once. */
export type LoadedTeam = { team: Team; members: TeamMember[]; invitations: TeamInvitation[] };

export const teamKeys = {
  primary: (teamId: string) => ({ PK: `TEAM#${teamId}`, SK: 'TEAM' }),
  member: (teamId: string, userId: string) => ({ PK: `TEAM#${teamId}`, SK: `MEMBER#${userId}` }),
  invitation: (teamId: string, email: string) => ({
    PK: `TEAM#${teamId}`,
    SK: `INVITE#${email.toLowerCase()}`,
  }),
  ofUser: (m: Pick<TeamMember, 'userId' | 'joinedAt' | 'teamId'>) => ({
    GSI1PK: `USER#${m.userId}#TEAMS`,
    GSI1SK: `${m.joinedAt}#${m.teamId}`,
  }),
  toAddress: (i: Pick<TeamInvitation, 'email' | 'teamId'>) => ({
    GSI3PK: userKeys.emailPartition(i.email),
    GSI3SK: `TEAM#${i.teamId}`,
  }),
};

const teamOf = (item: Record<string, unknown>): Team => {
  const { seatsTaken, ...team } = strip(item as TeamItem);
  return team;
};
const memberOf = (item: Record<string, unknown>): TeamMember => {
  const { createdAt, updatedAt, ...member } = strip(item as TeamMemberItem);
  return member;
};
const invitationOf = (item: Record<string, unknown>): TeamInvitation => {
  const { updatedAt, ...invitation } = strip(item as TeamInvitationItem);
  return invitation;
};

/** Director first, then by the time they joined. */
const inTeamOrder = (a: TeamMember, b: TeamMember) =>
  Number(b.role === 'director') - Number(a.role === 'director') ||
  a.joinedAt.localeCompare(b.joinedAt) ||
  a.userId.localeCompare(b.userId);

function memberItem(member: TeamMember, at: string): TeamMemberItem {
  return {
    ...member,
    ...teamKeys.member(member.teamId, member.userId),
    ...teamKeys.ofUser(member),
    type: 'TeamMember',
    createdAt: at,
    updatedAt: at,
  };
}

/** Items by key (one BatchGetItem per 100, unprocessed keys asked again), those that exist. */
async function batchGet(keys: { PK: string; SK: string }[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const unique = [...new Map(keys.map((k) => [`${k.PK}\n${k.SK}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let batch: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
    for (let attempt = 0; batch?.length && attempt < 5; attempt++) {
      const out: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: batch } } }),
      );
      found.push(...(out.Responses?.[tableName()] ?? []));
      batch = out.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return found;
}

export const teams = {
  async get(teamId: string): Promise<Team | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: teamKeys.primary(teamId) }),
    );
    return Item ? teamOf(Item) : undefined;
  },

  /** Teams by id (one BatchGetItem per 100), those that exist. */
  async byIds(teamIds: string[]): Promise<Map<string, Team>> {
    const found = new Map<string, Team>();
    for (const item of await batchGet(teamIds.map((id) => teamKeys.primary(id)))) {
      const team = teamOf(item);
      found.set(team.id, team);
    }
    return found;
  },

  /** Which of these teams the person is a member of (director or member). */
  async joinedAmong(userId: string, teamIds: string[]): Promise<Set<string>> {
    const items = await batchGet(teamIds.map((id) => teamKeys.member(id, userId)));
    return new Set(items.map((item) => memberOf(item).teamId));
  },

  /** The team, its members (director first, then by join time) and its stored invitations (oldest first). */
  async load(teamId: string): Promise<LoadedTeam | undefined> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': teamKeys.primary(teamId).PK },
      ConsistentRead: true,
    });
    const teamItem = items.find((i) => i.type === 'Team');
    if (!teamItem) return undefined;
    return {
      team: teamOf(teamItem),
      members: items
        .filter((i) => i.type === 'TeamMember')
        .map(memberOf)
        .sort(inTeamOrder),
      invitations: items
        .filter((i) => i.type === 'TeamInvitation')
        .map(invitationOf)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email)),
    };
  },

  /** Who has joined (the director first, then by join time): what engagements split among. */
  async activeMembers(teamId: string): Promise<{ userId: string; displayName: string; joinedAt: string }[]> {
    const items = await queryAll({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      ExpressionAttributeValues: { ':pk': teamKeys.primary(teamId).PK, ':member': 'MEMBER#' },
      ConsistentRead: true,
    });
    return items
      .map(memberOf)
      .sort(inTeamOrder)
      .map(({ userId, displayName, joinedAt }) => ({ userId, displayName, joinedAt }));
  },

  /** The teams a person directs or joined, newest first, a page at a time. */
  async membershipsPage(userId: string, page: PageRequest): Promise<Page<TeamMember>> {
    const pk = teamKeys.ofUser({ userId, joinedAt: '', teamId: '' }).GSI1PK;
    const out = await queryPage({ index: 'GSI1', pk, forward: false }, page, 'list of teams');
    return { items: out.items.map(memberOf), nextCursor: out.nextCursor };
  },

  /**
   * The invitations to an address that can still be taken up at `at`, a page at a time, in the index's order
   * (by team id): expired ones, still stored until the team frees their seat, are filtered out.
   */
  async openInvitationsPage(email: string, at: string, page: PageRequest): Promise<Page<TeamInvitation>> {
    const out = await queryPage(
      {
        index: 'GSI3',
        pk: userKeys.emailPartition(email),
        forward: true,
        sk: { beginsWith: 'TEAM#' },
        filter: { expression: 'expiresAt > :at', values: { ':at': at } },
      },
      page,
      'list of teams',
    );
    return { items: out.items.map(invitationOf), nextCursor: out.nextCursor };
  },

  /** The team and its director as its first member, both or neither. */
  async create(team: Team, director: { displayName: string }): Promise<void> {
    const item: TeamItem = {
      ...team,
      seatsTaken: 1,
      ...teamKeys.primary(team.id),
      type: 'Team',
    };
    const member = memberItem(
      {
        teamId: team.id,
        userId: team.directorId,
        displayName: director.displayName,
        role: 'director',
        joinedAt: team.createdAt,
      },
      team.createdAt,
    );
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: tableName(), Item: member, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      }),
    );
  },

  /**
   * Stores an invitation while a seat is free. Cancellation reasons in order: the invitation (the address is
   * already invited), the team (no seat left), and, when the address has an account, its member item (it joined).
   */
  async invite(invitation: TeamInvitation, accountId: string | undefined): Promise<void> {
    const item: TeamInvitationItem = {
      ...invitation,
      ...teamKeys.invitation(invitation.teamId, invitation.email),
      ...teamKeys.toAddress(invitation),
      type: 'TeamInvitation',
      updatedAt: invitation.createdAt,
    };
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Update: {
              TableName: tableName(),
              Key: teamKeys.primary(invitation.teamId),
              UpdateExpression: 'ADD seatsTaken :one SET updatedAt = :at',
              ConditionExpression: 'attribute_exists(PK) AND seatsTaken < :max',
              ExpressionAttributeValues: { ':one': 1, ':max': MAX_TEAM_MEMBERS, ':at': invitation.createdAt },
            },
          },
          ...(accountId
            ? [
                {
                  ConditionCheck: {
                    TableName: tableName(),
                    Key: teamKeys.member(invitation.teamId, accountId),
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                },
              ]
            : []),
        ],
      }),
    );
  },

  /** Removes an invitation that expired, only if it is still the one that was read, and frees its seat. */
  async dropExpired(invitation: TeamInvitation, at: string): Promise<void> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: teamKeys.invitation(invitation.teamId, invitation.email),
              ConditionExpression: 'expiresAt = :read AND expiresAt <= :now',
              ExpressionAttributeValues: { ':read': invitation.expiresAt, ':now': at },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: teamKeys.primary(invitation.teamId),
              UpdateExpression: 'ADD seatsTaken :minus SET updatedAt = :now',
              ConditionExpression: 'seatsTaken > memberCount',
              ExpressionAttributeValues: { ':minus': -1, ':now': at },
            },
          },
        ],
      }),
    );
  },

  /**
   * The invitation becomes a membership: its seat is the new member's. Cancellation reasons in order: the
   * invitation (gone or expired), the member item (already joined), the team (20 members already).
   */
  async join(invitation: TeamInvitation, member: TeamMember): Promise<void> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: teamKeys.invitation(invitation.teamId, invitation.email),
              ConditionExpression: 'expiresAt = :read AND expiresAt > :now',
              ExpressionAttributeValues: { ':read': invitation.expiresAt, ':now': member.joinedAt },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: memberItem(member, member.joinedAt),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: teamKeys.primary(member.teamId),
              UpdateExpression: 'ADD memberCount :one SET updatedAt = :at',
              ConditionExpression: 'attribute_exists(PK) AND memberCount < :max',
              ExpressionAttributeValues: { ':one': 1, ':max': MAX_TEAM_MEMBERS, ':at': member.joinedAt },
            },
          },
        ],
      }),
    );
  },

  /** A member (never the director) leaves and frees their seat. Reason 0 failing: they are no member (any more). */
  async leave(teamId: string, userId: string, at: string): Promise<void> {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Delete: {
              TableName: tableName(),
              Key: teamKeys.member(teamId, userId),
              ConditionExpression: 'attribute_exists(PK) AND #role = :member',
              ExpressionAttributeNames: { '#role': 'role' },
              ExpressionAttributeValues: { ':member': 'member' },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: teamKeys.primary(teamId),
              UpdateExpression: 'ADD memberCount :minus, seatsTaken :minus SET updatedAt = :at',
              ConditionExpression: 'memberCount > :one',
              ExpressionAttributeValues: { ':minus': -1, ':one': 1, ':at': at },
            },
          },
        ],
      }),
    );
  },
};
