import { platformSettings } from '#shared/admin/settings.entity.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/admin/settings', async () => ({
  json: await platformSettings.get(),
}));
