import { myApplications } from '#shared/applications/use-cases.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/me/applications', async ({ profile }) => ({
  json: { items: await myApplications(profile.userId) },
}));
