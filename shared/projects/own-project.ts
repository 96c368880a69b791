import { NotFoundError } from '../domain/errors.ts';
import { projects } from './project.entity.ts';
import type { Project } from './rules.ts';

/** The project, if it exists and the caller's firm owns it (404 otherwise: others learn nothing of drafts). */
export async function ownProject(firmId: string, id: string): Promise<Project> {
  const project = await projects.get(id);
  if (!project || project.firmId !== firmId) throw new NotFoundError('No such project of yours.');
  return project;
}
