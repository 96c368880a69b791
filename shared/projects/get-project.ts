import { NotFoundError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { projects } from './project.entity.ts';
import { canSee } from './rules.ts';
import { type ProjectView, projectView } from './view.ts';

/**
 * One project as `userId` (or an anonymous visitor) may see it.
 * 1. Read it. 2. A draft exists for its firm only, a hidden one for its firm and the operators: to anyone
 *    else it is not found.
 */
export async function visibleProject(
  id: string,
  userId: string | undefined,
  role?: Role,
): Promise<ProjectView> {
  const project = await projects.get(id);
  if (!project || !canSee(project, userId, role)) throw new NotFoundError('No such project.');
  return projectView(project);
}
