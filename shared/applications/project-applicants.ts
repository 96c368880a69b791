import { users } from '../accounts/user.entity.ts';
import { ownProject } from '../projects/own-project.ts';
import { applications } from './application.entity.ts';

/** The firm's view of a project's applicants: each application with the applicant's public profile. */
export async function projectApplicants(firmId: string, projectId: string) {
  await ownProject(firmId, projectId);
  const list = await applications.forProject(projectId);
  const people = await users.byIds(list.map((a) => a.professionalId));
  return list.map((a) => {
    const p = people.get(a.professionalId);
    const profile =
      p?.role === 'professional'
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
        : { userId: a.professionalId, displayName: '—', skills: [] };
    return { ...a, applicant: profile };
  });
}
