import { saveSettings } from '#shared/admin/save-settings.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.putSettings, async ({ profile, body }) => ({
  json: await saveSettings(body, profile),
}));
