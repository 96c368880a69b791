import { claimSeat } from '#shared/events/claim-seat.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.claimSeat, async ({ profile, params }) => ({
  json: await claimSeat(profile, params.id, new Date()),
}));
