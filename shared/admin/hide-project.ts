import type { User } from '../accounts/user.entity.ts';
import { users } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { projects } from '../projects/project.entity.ts';
import type { Project } from '../projects/rules.ts';
import { type ProjectView, projectView } from '../projects/view.ts';
import { audit } from './audit.entity.ts';
import { adminMails } from './mails.ts';

type Operator = Pick<User, 'userId' | 'displayName'>;

const notFound = () => new NotFoundError('No such project.');

/**
 * Hides a project, or shows it again, in one transaction with its audit entry: the shared step of an
 * operator's hide and unhide and of a suspension's. Refused (undefined) when the project's state no longer
 * allows it: a draft, hidden already, not hidden, or (with `onlyIfReason`) hidden for another reason.
 */
export async function setHidden(
  operator: Operator,
  project: Project,
  change: { hide: boolean; reason: string; at: string; onlyIfReason?: string },
): Promise<Project | undefined> {
  const part = change.hide
    ? projects.hiding(project.id, { at: change.at, by: operator.userId, reason: change.reason })
    : projects.unhiding(project.id, change.at, change.onlyIfReason);
  const entry = audit.entry({
    at: change.at,
    action: change.hide ? 'hide_project' : 'unhide_project',
    operatorId: operator.userId,
    operatorName: operator.displayName,
    target: { kind: 'project', id: project.id, label: project.title },
    reason: change.reason,
    details: { firmId: project.firmId, organizationName: project.organizationName },
  });
  try {
    await audit.record(entry, part);
  } catch (error) {
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') return undefined;
    throw error;
  }
  if (change.hide)
    return {
      ...project,
      hidden: true,
      hiddenAt: change.at,
      hiddenBy: operator.userId,
      hiddenReason: change.reason,
      updatedAt: change.at,
    };
  const { hidden, hiddenAt, hiddenBy, hiddenReason, ...shown } = project;
  return { ...shown, updatedAt: change.at };
}

/**
 * An operator hides a posting (abuse), or shows it again.
 * 1. Read it: a draft is its firm's business only (404); hiding a hidden one, or showing a shown one, is a 409.
 * 2. One transaction: the project's `hidden` (who, when, why) and the audit entry. The listings' stream
 *    consumer then drops its entries, so browse, keyword search and whatever reads the listings lose it; its
 *    page answers 404 to anyone but its firm and the operators, and it takes no applications.
 * 3. Mail the firm, with the reason.
 */
export async function changeVisibility(
  operator: Operator,
  id: string,
  hide: boolean,
  reason: string,
  at = new Date(),
): Promise<ProjectView> {
  const project = await projects.get(id);
  if (!project || project.status === 'draft') throw notFound();
  const refuse = () =>
    hide
      ? new ConflictError('This project is hidden already.', 'already_hidden')
      : new ConflictError('This project is not hidden.', 'not_hidden');
  if (Boolean(project.hidden) === hide) throw refuse();
  const changed = await setHidden(operator, project, { hide, reason, at: at.toISOString() });
  if (!changed) {
    const now = await projects.get(id);
    if (!now || now.status === 'draft') throw notFound();
    throw refuse();
  }
  const firm = await users.get(project.firmId);
  const mail = hide ? adminMails.projectHidden : adminMails.projectUnhidden;
  await sendMailQuietly(
    firm?.email,
    mail({ title: project.title, reason, projectUrl: `${config().WEB_ORIGIN}/projects/${project.id}` }),
  );
  return projectView(changed);
}
