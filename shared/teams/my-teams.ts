import type { User } from '../accounts/user.entity.ts';
import { decodeCursor, encodeCursor } from '../data/cursor.ts';
import { now } from '../data/entity.ts';
import type { PageRequest } from '../data/query.ts';
import * as z from '../zod-mini.ts';
import type { TeamList } from './contract.ts';
import type { TeamRole } from './rules.ts';
import { teams } from './team.entity.ts';

/**
 * Where a page of a person's teams goes on: in their memberships (GSI1), or in the invitations to their address
 * (GSI3), each with that list's own cursor (none: from its start). One opaque cursor for the two lists, read one
 * after the other.
 */
const Position = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    in: z.enum(['memberships', 'invitations']),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1500))),
  }),
);
type Position = z.output<typeof Position>;
const LIST = 'list of teams';

/**
 * The teams a professional stands in, a page at a time (`limit`, `cursor`): first their memberships (directing
 * or joined), newest first, then the open invitations to their profile's address, in the index's order.
 * 1. Memberships: one Query on GSI1 of at most `limit` items.
 * 2. Where they end within the page, invitations fill the rest: a Query on GSI3 (expired ones filtered out,
 *    at most 5 reads), and one BatchGetItem leaving out the teams the person already joined.
 * 3. The teams themselves (name, member count): one BatchGetItem.
 */
export async function myTeams(person: User, page: PageRequest): Promise<z.output<typeof TeamList>> {
  const at = now();
  // A position in invitations is none for a person with no address to be invited at.
  const from: Position = page.cursor
    ? decodeCursor(page.cursor, Position, (p) => p.in === 'memberships' || Boolean(person.email), LIST)
    : { in: 'memberships' };
  const standings: { teamId: string; role: TeamRole }[] = [];
  let next: Position | undefined;

  if (from.in === 'memberships') {
    const memberships = await teams.membershipsPage(person.userId, {
      limit: page.limit,
      cursor: from.cursor,
    });
    standings.push(...memberships.items.map((m) => ({ teamId: m.teamId, role: m.role })));
    if (memberships.nextCursor) next = { in: 'memberships', cursor: memberships.nextCursor };
    else if (standings.length >= page.limit && person.email) next = { in: 'invitations' };
  }
  const room = page.limit - standings.length;
  if (!next && room > 0 && person.email) {
    const invitations = await teams.openInvitationsPage(person.email, at, {
      limit: room,
      cursor: from.in === 'invitations' ? from.cursor : undefined,
    });
    // An invitation to a team they are in already (their address changed, say) is no invitation for them.
    const joined = invitations.items.length
      ? await teams.joinedAmong(
          person.userId,
          invitations.items.map((i) => i.teamId),
        )
      : new Set<string>();
    for (const i of invitations.items)
      if (!joined.has(i.teamId)) standings.push({ teamId: i.teamId, role: 'invited' });
    if (invitations.nextCursor) next = { in: 'invitations', cursor: invitations.nextCursor };
  }

  const found = await teams.byIds(standings.map((s) => s.teamId));
  const items = standings.flatMap(({ teamId, role }) => {
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
  return { items, nextCursor: next ? encodeCursor(next) : null };
}
