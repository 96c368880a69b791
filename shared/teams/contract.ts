import * as z from 'zod';
import { MEMBER_STATUSES, TEAM_ROLES } from './rules.ts';

/** A member as the team sees them. An invitation to an address with no account yet has no userId. */
export const TeamMemberOut = z.object({
  userId: z.string().nullable(),
  displayName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  /** The invited address: shown to the director only. */
  email: z.string().optional(),
  headline: z.string().optional(),
  skills: z.array(z.string()).optional(),
  joinedAt: z.string().optional(),
});
export type TeamMemberOut = z.output<typeof TeamMemberOut>;

export const TeamOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  directorId: z.string(),
  yourRole: z.enum(TEAM_ROLES),
  /** Members who have joined (the director included): 2 or more before the team can apply. */
  memberCount: z.number().int(),
  members: z.array(TeamMemberOut),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only in the answer to leaving: when the caller left (yourRole is then the role they had). */
  leftAt: z.string().optional(),
});
export type TeamOut = z.output<typeof TeamOut>;

export const TeamSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  directorId: z.string(),
  yourRole: z.enum(TEAM_ROLES),
  memberCount: z.number().int(),
});
/** A page of the caller's teams: memberships first (newest first), then open invitations. */
export const TeamList = z.object({ items: z.array(TeamSummaryOut), nextCursor: z.string().nullable() });
