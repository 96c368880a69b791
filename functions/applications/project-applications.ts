import { projectApplicants } from '#shared/applications/use-cases.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/projects/{id}/applications', async ({ profile, params }) => ({
  json: { items: await projectApplicants(profile.userId, params.id) },
}));
