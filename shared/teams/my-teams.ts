import type * as z from 'zod';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import type { TeamList } from './contract.ts';
import { isInvitationOpen } from './rules.ts';
import { teams } from './team.entity.ts';

/**
 * The teams a professional stands in.
 * 1. Their memberships (directing or joined), newest first: one Query on GSI1.
 * 2. Open invitations to their profile's address: one Query on GSI3 (expired ones are left out).
 * 3. The teams themselves (name, member count): one BatchGetItem.
 */
export async function myTeams(person: User): Promise<z.output<typeof TeamList>['items']> {
  const at = now();
  const [memberships, invitations] = await Promise.all([
    teams.membershipsOf(person.userId),
    person.email ? teams.invitationsTo(person.email) : Promise.resolve([]),
  ]);
  const joined = new Set(memberships.map((m) => m.teamId));
  const open = invitations
    .filter((i) => isInvitationOpen(i, at) && !joined.has(i.teamId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const found = await teams.byIds([...memberships.map((m) => m.teamId), ...open.map((i) => i.teamId)]);
  const standings = [
    ...memberships.map((m) => ({ teamId: m.teamId, role: m.role })),
    ...open.map((i) => ({ teamId: i.teamId, role: 'invited' as const })),
  ];
  return standings.flatMap(({ teamId, role }) => {
    const team = found.get(teamId);
    if (!team) return [];
    return [
      {
        id: team.id,
        name: team.name,
        directorId: team.directorId,
        yourRole: role,
        memberCount: team.memberCount,
      },
    ];
  });
}
