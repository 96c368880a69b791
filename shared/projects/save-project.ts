import { isConditionFailure } from '../data/transaction.ts';
import { ConflictError } from '../domain/errors.ts';
import { projects } from './project.entity.ts';
import type { Project } from './rules.ts';

/** Writes the project if nobody changed it since it was read; a race is a 409, not a lost edit. */
export async function saveProject(next: Project, read: Project): Promise<Project> {
  try {
    await projects.replace(next, read);
  } catch (error) {
    if (isConditionFailure(error))
      throw new ConflictError('The project was changed at the same time. Reload and try again.');
    throw error;
  }
  return { ...next, applicantCount: read.applicantCount };
}
