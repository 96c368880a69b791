import { regionStaff } from '#shared/admin/region-staff.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.listRegionStaff, async ({ query }) => ({
  json: await regionStaff(query),
}));
