import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons, isTransactionConflict, retryOnConflict } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { TeamOut } from './contract.ts';
import { teams } from './team.entity.ts';
import { busy, standing } from './team-access.ts';
import { openInvitations, showTeam } from './view.ts';

const noInvitation = () => new NotFoundError('No such team, or no open invitation to your address.');

/**
 * A professional takes up the invitation to their profile's address.
 * 1. Already the director or a member: nothing to do, answer the team (joining twice is harmless).
 * 2. No open invitation to their address (case-insensitive): the team does not exist for them (404).
 * 3. One transaction: the invitation is removed (still the one read, not expired), the member item written,
 *    the member count raised only while under 20.
 * 4. Answer the team as a member sees it.
 */
export async function joinTeam(person: User, teamId: string): Promise<TeamOut> {
  const at = now();
  const loaded = await teams.load(teamId);
  if (!loaded) throw noInvitation();
  const role = standing(loaded, person, at);
  if (role === 'director' || role === 'member') return showTeam(loaded, role, at);
  const email = person.email?.toLowerCase();
  const invitation = openInvitations(loaded, at).find((i) => i.email === email);
  if (!invitation) throw noInvitation();
  try {
    await retryOnConflict(() =>
      teams.join(invitation, {
        teamId,
        userId: person.userId,
        displayName: person.displayName,
        role: 'member',
        joinedAt: at,
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const [, member, team] = cancellationReasons(error);
    if (team === 'ConditionalCheckFailed')
      throw new ConflictError('The team has 20 members already.', 'team_full');
    if (isTransactionConflict(error)) throw busy();
    // Joined at the same moment from another tab, or the invitation was used or has just expired.
    const after = await teams.load(teamId);
    if (after && (member === 'ConditionalCheckFailed' || standing(after, person, now()) === 'member'))
      return showTeam(after, 'member', at);
    throw noInvitation();
  }
  const after = await teams.load(teamId);
  return showTeam(after ?? loaded, 'member', at);
}
