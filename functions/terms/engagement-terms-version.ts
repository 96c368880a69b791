import { roleApi } from '#shared/http/role-api.ts';
import { engagementTermsVersion } from '#shared/terms/read-terms.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.engagementTermsVersion, async ({ profile, params }) => ({
  json: await engagementTermsVersion(profile.userId, params.id, params.version),
}));
