import type { User } from '../accounts/user.entity.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { roleInTeam, type TeamRole } from './rules.ts';
import { type LoadedTeam, teams } from './team.entity.ts';
import { openInvitations } from './view.ts';

/** A team the person stands in (director, member or invited) and how; to anyone else it does not exist. */
export async function teamOf(
  teamId: string,
  person: User,
  at: string,
): Promise<{ loaded: LoadedTeam; role: TeamRole }> {
  const loaded = await teams.load(teamId);
  const role = loaded ? standing(loaded, person, at) : undefined;
  if (!loaded || !role) throw new NotFoundError('No such team.');
  return { loaded, role };
}

/** How the person stands in the loaded team, if at all. */
export const standing = (loaded: LoadedTeam, person: User, at: string) =>
  roleInTeam(
    {
      directorId: loaded.team.directorId,
      memberIds: loaded.members.map((m) => m.userId),
      openInvitations: openInvitations(loaded, at).map((i) => i.email),
    },
    person,
  );

/** Many changes to one team at the same moment kept conflicting: the caller may simply try again. */
export const busy = () =>
  new ConflictError('The team is changing a lot right now. Please try again.', 'busy');
