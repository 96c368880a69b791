import { roleApi } from '#shared/http/role-api.ts';
import { engagementTerms } from '#shared/terms/read-terms.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.engagementTerms, async ({ profile, params }) => ({
  json: await engagementTerms(profile.userId, params.id),
}));
