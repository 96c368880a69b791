import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons, isTransactionConflict, retryOnConflict } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { memberLeftTeam } from '../engagements/member-left.ts';
import type { TeamOut } from './contract.ts';
import { teams } from './team.entity.ts';
import { busy, teamOf } from './team-access.ts';
import { showTeam } from './view.ts';

const noMember = () => new NotFoundError('No such team, or you are not a member of it.');

/**
 * A member leaves the team.
 * 1. The director cannot leave (409); to a person who is no member (an invited one included) the team does
 *    not exist for leaving (404).
 * 2. One transaction: the member item removed, the member count and the seats lowered.
 * 3. The team's running engagements give their share to the others from the next paid month (engagements).
 * 4. Answer what remains of the team, with when they left.
 */
export async function leaveTeam(person: User, teamId: string): Promise<TeamOut> {
  const at = now();
  const { loaded, role } = await teamOf(teamId, person, at).catch((error) => {
    throw error instanceof NotFoundError ? noMember() : error;
  });
  if (role === 'director')
    throw new ConflictError(
      'The director cannot leave the team: it is theirs for as long as it exists.',
      'director_cannot_leave',
    );
  if (role !== 'member') throw noMember();
  try {
    await retryOnConflict(() => teams.leave(teamId, person.userId, at));
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    if (isTransactionConflict(error)) throw busy();
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') throw noMember(); // left from another tab
    throw error;
  }
  await memberLeftTeam(teamId, person.userId);
  const after = await teams.load(teamId);
  const remaining = after ?? {
    ...loaded,
    members: loaded.members.filter((m) => m.userId !== person.userId),
  };
  return { ...(await showTeam(remaining, 'member', at)), leftAt: at };
}
