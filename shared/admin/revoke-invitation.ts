import type { User } from '../accounts/user.entity.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { NotFoundError } from '../domain/errors.ts';
import { audit } from './audit.entity.ts';
import { invitations } from './invitation.entity.ts';

/**
 * An operator revokes a region-staff invitation not taken up yet.
 * 1. One transaction: delete the invitation (only if it is still there: taken up or revoked already is a 404)
 *    and record it in the audit trail. The address can no longer get the staff role by signing in.
 */
export async function revokeInvitation(
  operator: Pick<User, 'userId' | 'displayName'>,
  email: string,
  at = new Date(),
): Promise<{ email: string; revokedAt: string }> {
  const address = email.toLowerCase();
  const invitation = await invitations.get(address);
  const revokedAt = at.toISOString();
  try {
    await audit.record(
      audit.entry({
        at: revokedAt,
        action: 'revoke_invitation',
        operatorId: operator.userId,
        operatorName: operator.displayName,
        target: { kind: 'invitation', id: address, label: address },
        ...(invitation ? { details: { regionCode: invitation.regionCode } } : {}),
      }),
      invitations.revocation(address),
    );
  } catch (error) {
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed')
      throw new NotFoundError('No pending invitation for this address.');
    throw error;
  }
  return { email: address, revokedAt };
}
