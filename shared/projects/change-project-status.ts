import { now } from '../data/entity.ts';
import { ConflictError } from '../domain/errors.ts';
import { ownProject } from './own-project.ts';
import { nextStatus, type Project, type ProjectTransition } from './rules.ts';
import { saveProject } from './save-project.ts';

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
  return saveProject({ ...read, status, updatedAt: at, ...stamp }, read);
}
