import { projects } from '#shared/projects/project.entity.ts';
import { projectView } from '#shared/projects/view.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/me/projects', async ({ profile }) => ({
  json: { items: (await projects.byFirm(profile.userId)).map(projectView) },
}));
