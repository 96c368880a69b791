import { projects } from '../projects/project.entity.ts';
import { projectView } from '../projects/view.ts';
import type { PageQuery } from './rules.ts';

/** The hidden postings, most recently hidden first (the sparse index of hidden projects: no Scan). */
export async function hiddenProjects(query: PageQuery) {
  const page = await projects.hidden(query.limit, query.cursor);
  return { items: page.items.map(projectView), nextCursor: page.nextCursor };
}
