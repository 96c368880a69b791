import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import type { TeamOut } from './contract.ts';
import { teamOf } from './team-access.ts';
import { showTeam } from './view.ts';

/**
 * A team as the caller sees it.
 * 1. Read the team's partition (team, members, invitations) in one Query.
 * 2. The director, a member or a person invited by their profile's address sees it; to anyone else: 404.
 * 3. Show it with the members' profiles; invited addresses only to the director.
 */
export async function getTeam(person: User, teamId: string): Promise<TeamOut> {
  const at = now();
  const { loaded, role } = await teamOf(teamId, person, at);
  return showTeam(loaded, role, at);
}
