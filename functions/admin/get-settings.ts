import { currentSettings } from '#shared/admin/platform-settings.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.getSettings, async () => ({
  json: await currentSettings(),
}));
