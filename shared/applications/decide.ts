import { randomUUID } from 'node:crypto';
import { users } from '../accounts/user.entity.ts';
import { platformSettings } from '../admin/settings.entity.ts';
import { countEvent } from '../business-metrics.ts';
import { config } from '../config.ts';
import { now } from '../data/entity.ts';
import { ConflictError } from '../domain/errors.ts';
import { type Engagement, engagements } from '../engagements/engagement.entity.ts';
import type { SharesVersion } from '../engagements/shares.entity.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { ownProject } from '../projects/own-project.ts';
import { projects } from '../projects/project.entity.ts';
import { equalShares, MIN_TEAM_MEMBERS } from '../teams/rules.ts';
import { teams } from '../teams/team.entity.ts';
import { factsAtAcceptance } from '../terms/facts.ts';
import { checkPaymentSchedule } from '../terms/rules.ts';
import { termsVersions } from '../terms/terms.entity.ts';
import { type Application, applications } from './application.entity.ts';
import { applicationOf } from './application-access.ts';
import { applicationMails } from './mails.ts';
import { type Decision, decide } from './rules.ts';

/**
 * The firm decides: shortlist, decline or accept. Accept creates exactly one engagement, in one transaction
 * with the application's move; a repeated or concurrent accept answers with that same engagement. A team's
 * engagement goes to the members it has at that moment, in equal shares.
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
      const [project, settings, professional, members] = await Promise.all([
        ownProject(firmId, read.projectId),
        platformSettings.get(),
        users.get(read.professionalId),
        read.teamId ? teams.activeMembers(read.teamId) : undefined,
      ]);
      const schedule = checkPaymentSchedule({ ...project, firstChargeAt: at });
      if (!schedule.ok) throw new ConflictError(schedule.reason, 'payment_deadline');
      if (members && members.length < MIN_TEAM_MEMBERS)
        throw new ConflictError(
          'This team has fewer than two members now, so it cannot take the work as a team.',
          'team_too_small',
        );
      const engagement: Engagement = {
        id: randomUUID(),
        applicationId: read.id,
        projectId: project.id,
        firmId,
        professionalId: read.professionalId,
        title: project.title,
        monthlyFeeJpy: project.monthlyFeeJpy,
        feeTax: project.feeTax ?? 'inclusive',
        hoursPerMonth: project.hoursPerMonth,
        durationMonths: project.durationMonths,
        ...(project.startMonth ? { startMonth: project.startMonth } : {}),
        platformFeePercent: settings.platformFeePercent,
        // Chosen by the firm on the project (源泉徴収 follows it), not guessed from its skills.
        workType: project.workType ?? 'other',
        firmName: project.organizationName,
        professionalName: professional?.displayName ?? '—',
        ...(read.teamId && members
          ? { teamId: read.teamId, teamName: read.teamName ?? '', memberIds: members.map((m) => m.userId) }
          : {}),
        state: 'awaiting_payment',
        version: 0,
        createdAt: at,
        updatedAt: at,
      };
      const shares: SharesVersion | undefined = members && {
        engagementId: engagement.id,
        seq: 1,
        from: '',
        shares: equalShares(members.map((m) => m.userId)),
        setBy: firmId,
        setAt: at,
      };
      // The terms are issued with the acceptance itself (3条: at once, in writing): no engagement without them.
      const terms = termsVersions.issuing({
        engagementId: engagement.id,
        version: 1,
        reason: 'accepted',
        issuedAt: at,
        facts: factsAtAcceptance(
          engagement,
          project,
          shares &&
            members && {
              shares: shares.shares,
              names: new Map(members.map((m) => [m.userId, m.displayName])),
            },
        ),
      });
      await engagements.startFromAcceptance(read, engagement, shares, [terms]);
      countEvent('EngagementStarted');
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

/** The applicant is told the decision; for a team, every member (the work is theirs too). */
async function notifyApplicant(application: Application) {
  if (
    application.status !== 'shortlisted' &&
    application.status !== 'declined' &&
    application.status !== 'accepted'
  )
    return;
  const [project, members] = await Promise.all([
    projects.get(application.projectId),
    application.teamId ? teams.activeMembers(application.teamId) : [],
  ]);
  if (!project) return;
  const people = await users.byIds([application.professionalId, ...members.map((m) => m.userId)]);
  const mail = applicationMails.decision({
    projectTitle: project.title,
    organizationName: project.organizationName,
    status: application.status,
    appUrl: config().WEB_ORIGIN,
  });
  await Promise.all([...people.values()].map((p) => sendMailQuietly(p.email, mail)));
}
