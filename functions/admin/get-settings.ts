import { platformSettings } from '#shared/admin/settings.entity.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.getSettings, async () => ({
  json: await platformSettings.get(),
}));
