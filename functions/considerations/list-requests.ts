import { listConsiderationRequests } from '#shared/considerations/list-requests.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.listConsiderationRequests, async ({ profile, params }) => ({
  json: await listConsiderationRequests(profile.userId, params.id),
}));
