import { decideApplication } from '#shared/applications/use-cases.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/applications/{id}/decision', async ({ profile, params, body }) => {
  const { application, engagementId } = await decideApplication(profile.userId, params.id, body.decision);
  return {
    json: { id: application.id, status: application.status, ...(engagementId ? { engagementId } : {}) },
  };
});
