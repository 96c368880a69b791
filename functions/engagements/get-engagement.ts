import { oneEngagement } from '#shared/engagements/views.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/engagements/{id}', async ({ profile, params }) => ({
  json: await oneEngagement(profile.userId, params.id),
}));
