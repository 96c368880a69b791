import { myApplications } from '#shared/projects/applications.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/me/applications', async ({ profile }) => ({
  json: { items: await myApplications(profile.userId) },
}));
