import { projects } from '../projects/project.entity.ts';
import { applications } from './application.entity.ts';

/** A professional's applications, newest first, each with its project's title and status. */
export async function myApplications(professionalId: string) {
  const list = await applications.forProfessional(professionalId);
  const byId = new Map(
    (await projects.byIds([...new Set(list.map((a) => a.projectId))])).map((p) => [p.id, p]),
  );
  return list.map((a) => {
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
}
