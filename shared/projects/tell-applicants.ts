import { users } from '../accounts/user.entity.ts';
import { applications } from '../applications/application.entity.ts';
import { LIVE_STATUSES } from '../applications/rules.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { teams } from '../teams/team.entity.ts';
import { projectMails } from './mails.ts';
import type { Project, TermsChange } from './rules.ts';

/**
 * The applicants of an open project are told that its conditions changed (12条), once the change is saved:
 * 1. its applications still in play (submitted or shortlisted); 2. for a team's, its members too (the work is
 * theirs as well); 3. one mail each, naming every change old → new, with a link to the project.
 * The change stands whatever happens here: a mail refused goes to the outbox, anything else is logged.
 */
export async function tellApplicants(project: Project, changes: TermsChange[]): Promise<void> {
  if (!changes.length) return;
  try {
    const live = await applications.inStatuses(project.id, LIVE_STATUSES);
    if (!live.length) return;
    const teamIds = [...new Set(live.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
    const members = (await Promise.all(teamIds.map((id) => teams.activeMembers(id)))).flat();
    const people = await users.byIds([...live.map((a) => a.professionalId), ...members.map((m) => m.userId)]);
    const mail = projectMails.termsChanged({
      projectTitle: project.title,
      organizationName: project.organizationName,
      projectId: project.id,
      changes,
      appUrl: config().WEB_ORIGIN,
    });
    await Promise.all([...people.values()].map((p) => sendMailQuietly(p.email, mail)));
  } catch (error) {
    logger.error('applicants not told of the changed terms', {
      error: error as Error,
      projectId: project.id,
    });
  }
}
