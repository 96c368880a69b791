import { projects } from '#shared/projects/project.entity.ts';
import { canSee } from '#shared/projects/rules.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { projectView } from '#shared/projects/view.ts';
import { optionalApi } from '#shared/http/optional-api.ts';
import * as routes from './routes.ts';

export const handler = optionalApi(routes.getProject, async ({ params, caller }) => {
  const project = await projects.get(params.id);
  if (!project || !canSee(project, caller?.userId)) throw new NotFoundError('No such project.');
  return { json: projectView(project) };
});
