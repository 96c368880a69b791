import { type User, users } from '../accounts/user.entity.ts';
import type { PageRequest } from '../data/query.ts';
import { ownProject } from '../projects/own-project.ts';
import { teams } from '../teams/team.entity.ts';
import { applications } from './application.entity.ts';

/** The public part of a professional's profile, as a firm sees an applicant. */
function publicProfile(userId: string, p: User | undefined) {
  return p?.role === 'professional'
    ? {
        userId: p.userId,
        displayName: p.displayName,
        headline: p.headline,
        skills: p.skills ?? [],
        yearsOfExperience: p.yearsOfExperience,
        homePrefectureCode: p.homePrefectureCode,
        hoursPerMonth: p.hoursPerMonth,
        workStyle: p.workStyle,
      }
    : { userId, displayName: '—', skills: [] };
}

/**
 * The firm's view of a project's applicants, in the order they arrived, a page at a time:
 * 1. the caller must own the project;
 * 2. a page of its applications;
 * 3. each applicant's public profile and, for a team, the team and each of its members' (as the team is now).
 */
export async function projectApplicants(firmId: string, projectId: string, page: PageRequest) {
  await ownProject(firmId, projectId);
  const { items: list, nextCursor } = await applications.pageForProject(projectId, page);
  const teamIds = [...new Set(list.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
  const members = new Map(
    await Promise.all(teamIds.map(async (id) => [id, await teams.activeMembers(id)] as const)),
  );
  const people = await users.byIds([
    ...list.map((a) => a.professionalId),
    ...[...members.values()].flat().map((m) => m.userId),
  ]);
  const items = list.map((a) => ({
    ...a,
    applicant: publicProfile(a.professionalId, people.get(a.professionalId)),
    ...(a.teamId
      ? {
          team: {
            id: a.teamId,
            name: a.teamName ?? '',
            members: (members.get(a.teamId) ?? []).map((m) => publicProfile(m.userId, people.get(m.userId))),
          },
        }
      : {}),
  }));
  return { items, nextCursor };
}
