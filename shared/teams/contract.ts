import * as z from '../zod-mini.ts';
import { MEMBER_STATUSES, TEAM_ROLES } from './rules.ts';

/** A member as the team sees them. An invitation to an address with no account yet has no userId. */
export const TeamMemberOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    userId: z.nullable(z.string()),
    displayName: z.string(),
    status: z.enum(MEMBER_STATUSES),
    /** The invited address: shown to the director only. */
    email: z.optional(z.string()),
    headline: z.optional(z.string()),
    skills: z.optional(z.array(z.string())),
    joinedAt: z.optional(z.string()),
  }),
);
export type TeamMemberOut = z.output<typeof TeamMemberOut>;

export const TeamOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.optional(z.string()),
    directorId: z.string(),
    yourRole: z.enum(TEAM_ROLES),
    /** Members who have joined (the director included): 2 or more before the team can apply. */
    memberCount: z.number().check(z.int()),
    members: z.array(TeamMemberOut),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Only in the answer to leaving: when the caller left (yourRole is then the role they had). */
    leftAt: z.optional(z.string()),
  }),
);
export type TeamOut = z.output<typeof TeamOut>;

export const TeamSummaryOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    directorId: z.string(),
    yourRole: z.enum(TEAM_ROLES),
    memberCount: z.number().check(z.int()),
  }),
);
/** A page of the caller's teams: memberships first (newest first), then open invitations. */
export const TeamList = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(TeamSummaryOut), nextCursor: z.nullable(z.string()) }),
);
