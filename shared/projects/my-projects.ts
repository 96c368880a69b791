import type { Page, PageRequest } from '../data/query.ts';
import { projects } from './project.entity.ts';
import { type ProjectView, projectView } from './view.ts';

/** The calling firm's projects, newest first, a page at a time, each with its applicant count. */
export async function myProjects(firmId: string, page: PageRequest): Promise<Page<ProjectView>> {
  const { items, nextCursor } = await projects.pageByFirm(firmId, page);
  return { items: items.map(projectView), nextCursor };
}
