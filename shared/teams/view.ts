import { type User, users } from '../accounts/user.entity.ts';
import type { TeamMemberOut, TeamOut } from './contract.ts';
import { isInvitationOpen, maskEmail, type TeamRole } from './rules.ts';
import type { LoadedTeam, TeamInvitation } from './team.entity.ts';

/** The invitations that can still be taken up: an expired one is shown no more. */
export const openInvitations = (loaded: LoadedTeam, at: string): TeamInvitation[] =>
  loaded.invitations.filter((i) => isInvitationOpen(i, at));

/**
 * What a person who stands in the team sees of it: the director first, then the members by join time, then
 * the open invitations. Only the director sees the invited addresses; to the others an address with no
 * account yet shows masked. `people` are the members' profiles, `accounts` the invited addresses' accounts.
 */
export function teamView(
  loaded: LoadedTeam,
  role: TeamRole,
  at: string,
  people: ReadonlyMap<string, User>,
  accounts: ReadonlyMap<string, User>,
): TeamOut {
  const { team } = loaded;
  const publicProfile = (p: User | undefined) =>
    p?.role === 'professional'
      ? { ...(p.headline ? { headline: p.headline } : {}), ...(p.skills ? { skills: p.skills } : {}) }
      : {};
  const members: TeamMemberOut[] = loaded.members.map((m) => {
    const p = people.get(m.userId);
    return {
      userId: m.userId,
      displayName: p?.displayName ?? m.displayName,
      status: 'member',
      ...publicProfile(p),
      joinedAt: m.joinedAt,
    };
  });
  const invited: TeamMemberOut[] = openInvitations(loaded, at).map((i) => {
    const account = accounts.get(i.email);
    return {
      userId: account?.userId ?? null,
      displayName: account?.displayName ?? (role === 'director' ? i.email : maskEmail(i.email)),
      status: 'invited',
      ...(role === 'director' ? { email: i.email } : {}),
      ...publicProfile(account),
    };
  });
  return {
    id: team.id,
    name: team.name,
    ...(team.description ? { description: team.description } : {}),
    directorId: team.directorId,
    yourRole: role,
    memberCount: team.memberCount,
    members: [...members, ...invited],
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
  };
}

/** The view, with the members' current profiles and the accounts of the invited addresses read first. */
export async function showTeam(loaded: LoadedTeam, role: TeamRole, at: string): Promise<TeamOut> {
  const invitations = openInvitations(loaded, at);
  const [people, found] = await Promise.all([
    users.byIds(loaded.members.map((m) => m.userId)),
    Promise.all(invitations.map(async (i) => [i.email, await users.byEmail(i.email)] as const)),
  ]);
  const accounts = new Map<string, User>();
  for (const [email, account] of found) if (account) accounts.set(email, account);
  return teamView(loaded, role, at, people, accounts);
}
