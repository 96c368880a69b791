import { randomUUID } from 'node:crypto';
import type { User } from '../accounts/user.entity.ts';
import { now } from '../data/entity.ts';
import { projects } from './project.entity.ts';
import type { Project, ProjectInput } from './rules.ts';
import { refuseLateStart } from './start-month.ts';

/** A firm drafts a project. The owner is the calling firm; its organisation name is copied for listings. */
export async function createProject(firm: User, input: ProjectInput): Promise<Project> {
  if (firm.role !== 'firm') throw new Error('only firms create projects');
  const at = now();
  refuseLateStart(input, at);
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
