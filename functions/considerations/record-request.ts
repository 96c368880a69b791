import { recordConsiderationRequest } from '#shared/considerations/record-request.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.recordConsiderationRequest, async ({ profile, params, body }) => ({
  status: 201,
  json: await recordConsiderationRequest(profile, params.id, body),
}));
