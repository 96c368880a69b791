import { changeProjectStatus } from '#shared/projects/manage-projects.ts';
import { projectView } from '#shared/projects/view.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/projects/{id}/publish', async ({ profile, params }) => ({
  json: projectView(await changeProjectStatus(profile.userId, params.id, 'publish')),
}));
