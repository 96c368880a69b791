import { browseProjects } from '#shared/projects/browse.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/projects', async ({ query }) => ({
  json: await browseProjects(query),
}));
