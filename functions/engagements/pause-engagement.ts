import { changeEngagement } from '#shared/engagements/change-engagement.ts';
import { oneEngagement } from '#shared/engagements/views.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/engagements/{id}/pause', async ({ profile, params }) => {
  await changeEngagement(profile.userId, params.id, 'pause');
  return { json: await oneEngagement(profile.userId, params.id) };
});
