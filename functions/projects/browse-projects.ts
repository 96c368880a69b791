import { api } from '#shared/http/api.ts';
import { browseProjects } from '#shared/projects/browse.ts';
import * as routes from './routes.ts';

export const handler = api(routes.browseProjects, async ({ query }) => ({
  json: await browseProjects(query),
}));
