import { randomUUID } from 'node:crypto';
import { config } from '../config.ts';
import { type Application, applications, cancellationReasons } from './application.entity.ts';
import { type Engagement, engagements } from '../engagements/engagement.entity.ts';
import { projects } from '../projects/project.entity.ts';
import { platformSettings } from '../admin/settings.entity.ts';
import { type User, users } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { type Decision, decide, withdraw } from './rules.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { logger } from '../logger.ts';
import { sendMail } from '../mail/send.ts';
import { type Mail, projectMails } from '../mail/templates.ts';
import { ownProject } from '../projects/manage-projects.ts';

const mailQuietly = (to: string | undefined, mail: Mail) =>
  to
    ? sendMail(to, mail).catch((error: Error) =>
        logger.warn('mail not sent', { error, template: mail.template }),
      )
    : undefined;

/**
 * A professional applies.
 * 1. The project must be open (a draft is not found: others learn nothing of drafts).
 * 2. One transaction: guard (one per person per project), application, applicant count (only while open).
 * 3. Tell the firm.
 */
export async function apply(professional: User, projectId: string, proposal: string): Promise<Application> {
  const project = await projects.get(projectId);
  if (!project || project.status === 'draft') throw new NotFoundError('No such project.');
  if (project.status !== 'open') throw new ConflictError('This project is closed.', 'project_closed');
  const at = now();
  const application: Application = {
    id: randomUUID(),
    projectId,
    firmId: project.firmId,
    professionalId: professional.userId,
    proposal,
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
        throw new ConflictError('You have already applied for this project.', 'already_applied');
      }
      if (projectCheck === 'ConditionalCheckFailed')
        throw new ConflictError('This project is closed.', 'project_closed');
      if (attempt === 5)
        throw new ConflictError('Many people are applying right now. Please try again.', 'busy');
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
  const firm = await users.get(project.firmId);
  await mailQuietly(
    firm?.email,
    projectMails.newApplication({
      projectTitle: project.title,
      applicantName: professional.displayName,
      appUrl: config().WEB_ORIGIN,
      projectId,
    }),
  );
  return application;
}

async function applicationOf(id: string, who: (a: Application) => boolean): Promise<Application> {
  const application = await applications.get(id);
  if (!application || !who(application)) throw new NotFoundError('No such application.');
  return application;
}

/** The applicant withdraws while the firm has not decided. */
export async function withdrawApplication(professionalId: string, id: string): Promise<Application> {
  const read = await applicationOf(id, (a) => a.professionalId === professionalId);
  const step = withdraw(read.status);
  if (!step.ok) throw new ConflictError(step.reason, 'not_withdrawable');
  if (!step.changed) return read;
  try {
    return await applications.move(read, 'withdrawn', now());
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new ConflictError('The firm decided at the same time. Reload to see its decision.');
    }
    throw error;
  }
}

/**
 * The firm decides: shortlist, decline or accept. Accept creates exactly one engagement, in one transaction
 * with the application's move; a repeated or concurrent accept answers with that same engagement.
 */
export async function decideApplication(
  firmId: string,
  id: string,
  decision: Decision,
): Promise<{ application: Application; engagementId?: string }> {
  const read = await applicationOf(id, (a) => a.firmId === firmId);
  const step = decide(read.status, decision);
  if (!step.ok) throw new ConflictError(step.reason, 'invalid_transition');
  if (!step.changed)
    return { application: read, ...(read.engagementId ? { engagementId: read.engagementId } : {}) };
  const at = now();
  let moved: Application;
  try {
    if (step.to === 'accepted') {
      const [project, settings, professional] = await Promise.all([
        ownProject(firmId, read.projectId),
        platformSettings.get(),
        users.get(read.professionalId),
      ]);
      const engagement: Engagement = {
        id: randomUUID(),
        applicationId: read.id,
        projectId: project.id,
        firmId,
        professionalId: read.professionalId,
        title: project.title,
        monthlyFeeJpy: project.monthlyFeeJpy,
        hoursPerMonth: project.hoursPerMonth,
        durationMonths: project.durationMonths,
        ...(project.startMonth ? { startMonth: project.startMonth } : {}),
        platformFeePercent: settings.platformFeePercent,
        workType: project.skills[0] ?? 'other',
        firmName: project.organizationName,
        professionalName: professional?.displayName ?? '—',
        state: 'awaiting_payment',
        version: 0,
        createdAt: at,
        updatedAt: at,
      };
      await engagements.startFromAcceptance(read, engagement);
      moved = { ...read, status: 'accepted', engagementId: engagement.id, updatedAt: at, decidedAt: at };
    } else {
      moved = await applications.move(read, step.to, at);
    }
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'ConditionalCheckFailedException' && name !== 'TransactionCanceledException') throw error;
    // Someone decided at the same moment: answer with what stands now, if it is what was asked.
    const now_ = await applications.get(id);
    if (now_ && now_.status === step.to) {
      return { application: now_, ...(now_.engagementId ? { engagementId: now_.engagementId } : {}) };
    }
    throw new ConflictError('The application changed at the same time. Reload and decide again.');
  }
  await notifyApplicant(moved);
  return { application: moved, ...(moved.engagementId ? { engagementId: moved.engagementId } : {}) };
}

async function notifyApplicant(application: Application) {
  if (
    application.status !== 'shortlisted' &&
    application.status !== 'declined' &&
    application.status !== 'accepted'
  )
    return;
  const [applicant, project] = await Promise.all([
    users.get(application.professionalId),
    projects.get(application.projectId),
  ]);
  if (!project) return;
  await mailQuietly(
    applicant?.email,
    projectMails.decision({
      projectTitle: project.title,
      organizationName: project.organizationName,
      status: application.status,
      appUrl: config().WEB_ORIGIN,
    }),
  );
}

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

/** A professional's applications, newest first, each with its project's title and status. */
export async function myApplications(professionalId: string) {
  const list = await applications.forProfessional(professionalId);
  const byId = new Map(
    (await projects.byIds([...new Set(list.map((a) => a.projectId))])).map((p) => [p.id, p]),
  );
  return list.map((a) => {
    const p = byId.get(a.projectId);
    return {
      ...a,
      project: p
        ? {
            id: p.id,
            title: p.title,
            status: p.status,
            organizationName: p.organizationName,
            municipalityCode: p.municipalityCode,
          }
        : {
            id: a.projectId,
            title: '',
            status: 'closed' as const,
            organizationName: '',
            municipalityCode: '',
          },
    };
  });
}
