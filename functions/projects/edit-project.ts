import { editProject } from '#shared/projects/manage-projects.ts';
import { projectView } from '#shared/projects/view.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('PATCH /v1/projects/{id}', async ({ profile, params, body }) => ({
  json: projectView(await editProject(profile.userId, params.id, body)),
}));
