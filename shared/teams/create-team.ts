import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import type { TeamOut } from './contract.ts';
import type { TeamInput } from './rules.ts';
import { type Team, teams } from './team.entity.ts';
import { showTeam } from './view.ts';

/**
 * A professional creates a team and directs it.
 * 1. One transaction: the team (one member, one seat taken) and the director's member item.
 * 2. Answer the team as its director sees it.
 */
export async function createTeam(director: User, input: TeamInput): Promise<TeamOut> {
  const at = now();
  const team: Team = {
    id: randomUUID(),
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    directorId: director.userId,
    memberCount: 1,
    createdAt: at,
    updatedAt: at,
  };
  await teams.create(team, director);
  const member = {
    teamId: team.id,
    userId: director.userId,
    displayName: director.displayName,
    role: 'director' as const,
    joinedAt: at,
  };
  return showTeam({ team, members: [member], invitations: [] }, 'director', at);
}
