import { changeEngagement } from '#shared/billing/manage.ts';
import { oneEngagement } from '#shared/billing/views.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/engagements/{id}/resume', async ({ profile, params }) => {
  await changeEngagement(profile.userId, params.id, 'resume');
  return { json: await oneEngagement(profile.userId, params.id) };
});
