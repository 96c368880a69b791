import { invitations } from '../admin/invitation.entity.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Caller } from '../http/caller.ts';
import { type User, users } from './user.entity.ts';

/**
 * The caller's profile.
 * 1. The profile read by the caller's id (the signed-in wrapper has read it already, for the suspension check).
 * 2. None yet: if an operator invited the caller's verified e-mail, create the staff profile from the
 *    invitation and consume it in one transaction (so it is used once even if two tabs sign in at once).
 * 3. Otherwise 404: the web app then shows onboarding.
 */
export async function myProfile(caller: Caller, existing: User | undefined): Promise<User> {
  if (existing) return existing;
  if (caller.email && caller.emailVerified) {
    const invitation = await invitations.get(caller.email);
    if (invitation && invitation.expiresAt > new Date().toISOString()) {
      try {
        return await users.acceptInvitation(
          {
            userId: caller.userId,
            email: caller.email,
            role: invitation.role,
            regionCode: invitation.regionCode,
            displayName: caller.email.split('@')[0] ?? caller.email,
          },
          invitations.consumption(invitation.email),
        );
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const created = await users.get(caller.userId);
        if (created) return created;
      }
    }
  }
  throw new NotFoundError('No profile yet: choose professional or firm to get started.');
}
