import { projects } from './project.entity.ts';
import { type ProjectView, projectView } from './view.ts';

/** The calling firm's projects, newest first, each with its applicant count. */
export async function myProjects(firmId: string): Promise<ProjectView[]> {
  return (await projects.byFirm(firmId)).map(projectView);
}
