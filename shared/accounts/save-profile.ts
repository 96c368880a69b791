import { countEvent } from '../business-metrics.ts';
import { config } from '../config.ts';
import { ConflictError, ForbiddenError } from '../domain/errors.ts';
import type { Caller } from '../http/caller.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { accountMails } from './mails.ts';
import { decideProfileUpdate, type Profile, type ProfileInput } from './rules.ts';
import { type User, users } from './user.entity.ts';

/**
 * `PUT /v1/me`.
 * 1. Read the current profile.
 * 2. Let the domain decide: the first PUT picks professional or firm; the role never changes later.
 * 3. Write with a condition, so two first PUTs at once (or a PUT racing a role change) cannot both win.
 * 4. Welcome a new professional or firm by mail.
 */
export async function saveProfile(
  caller: Caller,
  input: ProfileInput,
  /** The caller's profile as the signed-in wrapper read it. */
  existing: User | undefined,
): Promise<{ user: User; created: boolean }> {
  const decision = decideProfileUpdate(existing, input);
  if (!decision.ok) {
    if (decision.reason === 'role_by_invitation_only') {
      throw new ForbiddenError('Region staff and operators are invited by an operator.');
    }
    throw new ConflictError(`Your role is ${existing?.role} and cannot be changed.`, 'role_immutable');
  }
  const profile = {
    ...decision.profile,
    userId: caller.userId,
    ...(caller.email ? { email: caller.email } : {}),
  } as Profile;
  try {
    if (!existing) {
      const user = await users.create(profile);
      countEvent('SignUp');
      if (user.role === 'professional' || user.role === 'firm') {
        await sendMailQuietly(
          user.email,
          accountMails.welcome({ ...user, role: user.role, appUrl: config().WEB_ORIGIN }),
        );
      }
      return { user, created: true };
    }
    return { user: await users.replace(profile, existing), created: false };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError('Your profile was changed at the same time. Reload and try again.');
    }
    throw error;
  }
}
