import { createProject } from '#shared/projects/manage-projects.ts';
import { projectView } from '#shared/projects/view.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/projects', async ({ profile, body }) => ({
  status: 201,
  json: projectView(await createProject(profile, body)),
}));
