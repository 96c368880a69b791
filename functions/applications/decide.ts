import { decideApplication } from '#shared/applications/decide.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.decide, async ({ profile, params, body }) => {
  const { application, engagementId } = await decideApplication(profile.userId, params.id, body.decision);
  return {
    json: { id: application.id, status: application.status, ...(engagementId ? { engagementId } : {}) },
  };
});
