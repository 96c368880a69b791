/**
 * What the teams API returns and accepts: the shared contract (shared/teams), imported rather than copied.
 */
import type * as z from 'zod';
import type { TeamList, TeamMemberOut, TeamOut } from '#shared/teams/contract.ts';

export type { MemberStatus, Share, TeamRole } from '#shared/teams/rules.ts';
export {
  InvitationInput,
  MAX_TEAM_MEMBERS,
  MIN_TEAM_MEMBERS,
  SharesInput,
  TEAM_INVITATION_DAYS,
  TeamInput,
} from '#shared/teams/rules.ts';

export type Team = z.output<typeof TeamOut>;
export type TeamMember = z.output<typeof TeamMemberOut>;
export type TeamSummary = z.output<typeof TeamList>['items'][number];
