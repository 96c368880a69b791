import { type User, users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons, isTransactionConflict, retryOnConflict } from '../data/transaction.ts';
import { ConflictError, ForbiddenError } from '../domain/errors.ts';
import { sendMailQuietly } from '../mail/send.ts';
import type { TeamOut } from './contract.ts';
import { teamMails } from './mails.ts';
import { hasSeatFor, invitationExpiry, isInvitationOpen } from './rules.ts';
import { type TeamInvitation, teams } from './team.entity.ts';
import { busy, teamOf } from './team-access.ts';
import { openInvitations, showTeam } from './view.ts';

const alreadyInvited = () =>
  new ConflictError('This address is already a member of the team or invited to it.', 'already_invited');
const teamFull = () =>
  new ConflictError('The team has 20 members and invitations already: no seat is left.', 'team_full');

/**
 * The director invites an e-mail address.
 * 1. Only the director: a member or an invited person is refused (403); to anyone else the team does not exist.
 * 2. Refuse an address that is a member or invited already, one whose account is no professional's, and one
 *    more invitation than there are seats (members + open invitations ≤ 20).
 * 3. Drop the team's expired invitations, freeing their seats (a renewed address is invited again).
 * 4. One transaction: the invitation (14 days) and a seat, under the cap, and the account still no member.
 * 5. Mail the address in Japanese and English with the link to join.
 */
export async function inviteToTeam(director: User, teamId: string, email: string): Promise<TeamOut> {
  const at = now();
  const { loaded, role } = await teamOf(teamId, director, at);
  if (role !== 'director') throw new ForbiddenError("Only the team's director invites.");
  const address = email.toLowerCase();
  const account = await users.byEmail(address);
  if (account && account.role !== 'professional') {
    throw new ConflictError(
      'This address belongs to an account that is not a professional: only professionals can be members.',
      'not_a_professional',
    );
  }
  const open = openInvitations(loaded, at);
  if (open.some((i) => i.email === address)) throw alreadyInvited();
  if (account && loaded.members.some((m) => m.userId === account.userId)) throw alreadyInvited();
  if (!hasSeatFor(loaded.members.length, open.length)) throw teamFull();

  for (const expired of loaded.invitations.filter((i) => !isInvitationOpen(i, at))) {
    await retryOnConflict(() => teams.dropExpired(expired, at)).catch((error) => {
      // Someone else dropped or renewed it meanwhile: nothing left to do.
      if ((error as Error).name !== 'TransactionCanceledException' || isTransactionConflict(error))
        throw error;
    });
  }

  const invitation: TeamInvitation = {
    teamId,
    email: address,
    invitedBy: director.userId,
    expiresAt: invitationExpiry(new Date(at)),
    createdAt: at,
  };
  try {
    await retryOnConflict(() => teams.invite(invitation, account?.userId));
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const [invite, team, member] = cancellationReasons(error);
    if (invite === 'ConditionalCheckFailed' || member === 'ConditionalCheckFailed') throw alreadyInvited();
    if (team === 'ConditionalCheckFailed') throw teamFull();
    if (isTransactionConflict(error)) throw busy();
    throw error;
  }

  await sendMailQuietly(
    address,
    teamMails.invitation({
      teamName: loaded.team.name,
      directorName: director.displayName,
      expiresAt: invitation.expiresAt,
      appUrl: config().WEB_ORIGIN,
      teamId,
    }),
  );
  const after = await teams.load(teamId);
  return showTeam(after ?? loaded, 'director', at);
}
