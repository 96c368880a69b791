import type { PageRequest } from '../data/query.ts';
import { projects } from '../projects/project.entity.ts';
import { applications } from './application.entity.ts';

/**
 * A professional's applications, newest first, a page at a time, each with its project's title and status, and
 * when its conditions last changed.
 */
export async function myApplications(professionalId: string, page: PageRequest) {
  const { items: list, nextCursor } = await applications.pageForProfessional(professionalId, page);
  const byId = new Map(
    (await projects.byIds([...new Set(list.map((a) => a.projectId))])).map((p) => [p.id, p]),
  );
  const items = list.map((a) => {
    const p = byId.get(a.projectId);
    return {
      ...a,
      project: p
        ? {
            id: p.id,
            title: p.title,
            status: p.status,
            organizationName: p.organizationName,
            municipalityCode: p.municipalityCode,
            ...(p.termsChangedAt ? { termsChangedAt: p.termsChangedAt } : {}),
          }
        : {
            id: a.projectId,
            title: '',
            status: 'closed' as const,
            organizationName: '',
            municipalityCode: '',
          },
    };
  });
  return { items, nextCursor };
}
