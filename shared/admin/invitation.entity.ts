import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../data/client.ts';
import { now, type Stored, strip } from '../data/entity.ts';

/**
 * Invitation: an operator invites an e-mail address to become region staff; the person's account takes
 * that role and region at their first sign-in.
 * Access patterns:
 *  - invitationFor(email)         GetItem  PK=INVITE#<email>, SK=INVITATION
 *  - pendingInvitationsExpiring   Query    GSI1 GSI1PK=INVITATIONS#PENDING, GSI1SK <= <now ISO>
 */
export type Invitation = {
  email: string;
  role: 'region_staff';
  regionCode: string;
  invitedBy: string;
  expiresAt: string;
};
type InvitationItem = Stored<Invitation, 'Invitation'>;

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

  /** Creates or renews the invitation for this address (the newest one wins). */
  async put(invitation: Invitation): Promise<Invitation> {
    const at = now();
    const item: InvitationItem = {
      ...invitation,
      email: invitation.email.toLowerCase(),
      ...invitationKeys.primary(invitation.email),
      ...invitationKeys.pending(invitation.expiresAt),
      type: 'Invitation',
      createdAt: at,
      updatedAt: at,
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: item }));
    return strip(item) as Invitation;
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
