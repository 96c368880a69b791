import { projects } from '#shared/projects/project.entity.ts';
import { canSee } from '#shared/projects/rules.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { projectView } from '#shared/projects/view.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/projects/{id}', async ({ params, caller }) => {
  const project = await projects.get(params.id);
  if (!project || !canSee(project, caller?.userId)) throw new NotFoundError('No such project.');
  return { json: projectView(project) };
});
