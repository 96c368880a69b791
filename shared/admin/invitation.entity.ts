import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now, type Stored, strip } from '../data/entity.ts';
import { type Page, type PageRequest, queryPage } from '../data/query.ts';

/**
 * Invitation: an operator invites an e-mail address to become region staff; the person's account takes
 * that role and region at their first sign-in.
 * Access patterns:
 *  - invitationFor(email)         GetItem  PK=INVITE#<email>, SK=INVITATION
 *  - pendingInvitationsExpiring   Query    GSI1 GSI1PK=INVITATIONS#PENDING, GSI1SK <= <now ISO>
 *  - pendingInvitations           Query    GSI1 GSI1PK=INVITATIONS#PENDING, GSI1SK > <now ISO> (the console, paged)
 */
export type Invitation = {
  email: string;
  role: 'region_staff';
  regionCode: string;
  invitedBy: string;
  expiresAt: string;
};
type InvitationItem = Stored<Invitation, 'Invitation'>;
/** A pending invitation as the console lists it: when it was sent. */
export type PendingInvitation = Invitation & { createdAt: string };

export const INVITATION_DAYS = 14;

export const invitationKeys = {
  primary: (email: string) => ({ PK: `INVITE#${email.toLowerCase()}`, SK: 'INVITATION' }),
  pending: (expiresAt: string) => ({ GSI1PK: 'INVITATIONS#PENDING', GSI1SK: expiresAt }),
};

export const invitations = {
  /** Consuming the invitation, as a part of the transaction that creates the staff profile it describes. */
  consumption(email: string) {
    return {
      Delete: {
        TableName: tableName(),
        Key: invitationKeys.primary(email),
        ConditionExpression: 'attribute_exists(PK)',
      },
    };
  },

  /**
   * Creating or renewing the invitation for this address (the newest one wins), as a part of the transaction
   * that records it in the audit trail.
   */
  putting(invitation: Invitation, at = now()) {
    const item: InvitationItem = {
      ...invitation,
      email: invitation.email.toLowerCase(),
      ...invitationKeys.primary(invitation.email),
      ...invitationKeys.pending(invitation.expiresAt),
      type: 'Invitation',
      createdAt: at,
      updatedAt: at,
    };
    return { Put: { TableName: tableName(), Item: item }, invitation: strip(item) as Invitation };
  },

  /** Revoking a pending invitation, as a transaction's part: only one that is still there. */
  revocation(email: string) {
    return {
      Delete: {
        TableName: tableName(),
        Key: invitationKeys.primary(email),
        ConditionExpression: 'attribute_exists(PK)',
      },
    };
  },

  /** Invitations still open at `at`, soonest expiry first, a page at a time. */
  async pendingPage(at: string, page: PageRequest): Promise<Page<PendingInvitation>> {
    const out = await queryPage(
      { index: 'GSI1', pk: invitationKeys.pending('').GSI1PK, forward: true, sk: { after: at } },
      page,
      'list of invitations',
    );
    return {
      items: out.items.map((item) => strip(item as InvitationItem) as PendingInvitation),
      nextCursor: out.nextCursor,
    };
  },

  async get(email: string): Promise<Invitation | undefined> {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: invitationKeys.primary(email) }),
    );
    return Item ? (strip(Item as InvitationItem) as Invitation) : undefined;
  },

  async expiredBefore(at: string, limit = 100): Promise<Invitation[]> {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :at',
        ExpressionAttributeValues: { ':pk': 'INVITATIONS#PENDING', ':at': at },
        Limit: limit,
      }),
    );
    return Items.map((item) => strip(item as InvitationItem) as Invitation);
  },

  /** Removes an invitation only if it is still the same expired one (not renewed meanwhile). */
  async removeExpired(invitation: Invitation): Promise<boolean> {
    try {
      await db().send(
        new DeleteCommand({
          TableName: tableName(),
          Key: invitationKeys.primary(invitation.email),
          ConditionExpression: 'expiresAt = :e',
          ExpressionAttributeValues: { ':e': invitation.expiresAt },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },
};
