import { projectApplicants } from '#shared/applications/project-applicants.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.projectApplications, async ({ profile, params, query }) => ({
  json: await projectApplicants(profile.userId, params.id, query),
}));
