import { randomUUID } from 'node:crypto';
import { projects } from './project.entity.ts';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import {
  applyPatch,
  nextStatus,
  type Project,
  type ProjectInput,
  type ProjectPatch,
  type ProjectTransition,
} from './rules.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** A firm drafts a project. The owner is the calling firm; its organisation name is copied for listings. */
export async function createProject(firm: User, input: ProjectInput): Promise<Project> {
  if (firm.role !== 'firm') throw new Error('only firms create projects');
  const at = now();
  const project: Project = {
    ...input,
    id: randomUUID(),
    firmId: firm.userId,
    organizationName: firm.organizationName,
    prefectureCode: input.municipalityCode.slice(0, 2),
    shortTime: input.shortTime ?? false,
    status: 'draft',
    applicantCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  await projects.create(project);
  return project;
}

/** The project, if it exists and the caller's firm owns it (404 otherwise: others learn nothing of drafts). */
export async function ownProject(firmId: string, id: string): Promise<Project> {
  const project = await projects.get(id);
  if (!project || project.firmId !== firmId) throw new NotFoundError('No such project of yours.');
  return project;
}

async function save(next: Project, read: Project): Promise<Project> {
  try {
    await projects.replace(next, read);
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError('The project was changed at the same time. Reload and try again.');
    throw error;
  }
  return { ...next, applicantCount: read.applicantCount };
}

/**
 * Edits a draft or an open project (an open one is re-listed by the stream consumer).
 * 1. Read it as its owner. 2. Apply the patch and check the whole. 3. Write if unchanged meanwhile.
 */
export async function editProject(firmId: string, id: string, patch: ProjectPatch): Promise<Project> {
  const read = await ownProject(firmId, id);
  const result = applyPatch(read, patch);
  if (!result.ok) {
    if (read.status === 'closed') throw new ConflictError(result.message, 'project_closed');
    throw new ValidationError(result.message, [{ path: 'body.hoursPerMonth', message: result.message }]);
  }
  return save({ ...result.project, updatedAt: now() }, read);
}

/** Publishes (draft → open) or closes a project. Publishing again, or closing again, changes nothing. */
export async function changeProjectStatus(
  firmId: string,
  id: string,
  action: ProjectTransition,
): Promise<Project> {
  const read = await ownProject(firmId, id);
  const status = nextStatus(read.status, action);
  if (status === undefined)
    throw new ConflictError(`A ${read.status} project cannot be published again.`, 'project_closed');
  if (status === 'unchanged') return read;
  const at = now();
  const stamp = status === 'open' ? { publishedAt: at } : { closedAt: at };
  return save({ ...read, status, updatedAt: at, ...stamp }, read);
}
