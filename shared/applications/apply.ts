import { randomUUID } from 'node:crypto';
import { type User, users } from '../accounts/user.entity.ts';
import { countEvent } from '../business-metrics.ts';
import { config } from '../config.ts';
import { now } from '../data/entity.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { projects } from '../projects/project.entity.ts';
import { MIN_TEAM_MEMBERS } from '../teams/rules.ts';
import { teams } from '../teams/team.entity.ts';
import { type Application, applications } from './application.entity.ts';
import { applicationMails } from './mails.ts';

/**
 * A professional applies.
 * 1. The project must be open (a draft or a hidden one is not found: others learn nothing of them).
 * 2. For a team: only its director applies, once the team has two members.
 * 3. One transaction: guard (one per person, or per team, per project), application, applicant count (only
 *    while open).
 * 4. Tell the firm.
 */
export async function apply(
  professional: User,
  projectId: string,
  proposal: string,
  teamId?: string,
): Promise<Application> {
  const [project, team] = await Promise.all([
    projects.get(projectId),
    teamId ? teamDirectedBy(professional.userId, teamId) : undefined,
  ]);
  // Nobody applies for a draft or a hidden project: to an applicant neither exists.
  if (!project || project.status === 'draft' || project.hidden) throw new NotFoundError('No such project.');
  if (project.status !== 'open') throw new ConflictError('This project is closed.', 'project_closed');
  const at = now();
  const application: Application = {
    id: randomUUID(),
    projectId,
    firmId: project.firmId,
    professionalId: professional.userId,
    proposal,
    ...(team ? { teamId: team.id, teamName: team.name } : {}),
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
  };
  // Applications to one project at the same instant conflict on its applicant count: try again, briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      await applications.submit(application);
      break;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const [guard, , projectCheck] = cancellationReasons(error);
      if (guard === 'ConditionalCheckFailed') {
        throw new ConflictError(
          team
            ? 'Your team has already applied for this project.'
            : 'You have already applied for this project.',
          'already_applied',
        );
      }
      if (projectCheck === 'ConditionalCheckFailed') {
        // Closed or hidden since it was read.
        const now = await projects.get(projectId);
        if (now?.hidden) throw new NotFoundError('No such project.');
        throw new ConflictError('This project is closed.', 'project_closed');
      }
      if (attempt === 5)
        throw new ConflictError('Many people are applying right now. Please try again.', 'busy');
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
  countEvent('ApplicationSubmitted');
  const firm = await users.get(project.firmId);
  await sendMailQuietly(
    firm?.email,
    applicationMails.newApplication({
      projectTitle: project.title,
      applicantName: team ? `${team.name}（${professional.displayName}）` : professional.displayName,
      appUrl: config().WEB_ORIGIN,
      projectId,
    }),
  );
  return application;
}

/** The team the caller directs, able to take work: others learn nothing of it, members are told who applies. */
async function teamDirectedBy(userId: string, teamId: string) {
  const [team, members] = await Promise.all([teams.get(teamId), teams.activeMembers(teamId)]);
  if (!team || !members.some((m) => m.userId === userId)) throw new NotFoundError('No such team of yours.');
  if (team.directorId !== userId) throw new ForbiddenError('Only the team’s director applies for it.');
  if (members.length < MIN_TEAM_MEMBERS)
    throw new ConflictError(
      `A team applies once it has at least ${MIN_TEAM_MEMBERS} members. Invite someone first.`,
      'team_too_small',
    );
  return team;
}
