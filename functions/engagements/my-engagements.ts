import { myEngagements } from '#shared/engagements/views.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/engagements', async ({ profile }) => ({
  json: { items: await myEngagements(profile.userId, profile.role === 'firm' ? 'firm' : 'professional') },
}));
