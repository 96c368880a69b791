import { saveSettings } from '#shared/admin/save-settings.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('PUT /v1/admin/settings', async ({ profile, body }) => ({
  json: await saveSettings(body, profile.userId),
}));
