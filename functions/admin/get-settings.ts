import { platformSettings } from '#shared/data/entities/settings.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/admin/settings', async () => ({
  json: await platformSettings.get(),
}));
