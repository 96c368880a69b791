import { answerConsiderationRequest } from '#shared/considerations/answer-request.ts';
import { roleApi } from '#shared/http/role-api.ts';
import * as routes from './routes.ts';

export const handler = roleApi(routes.answerConsiderationRequest, async ({ profile, params, body }) => ({
  json: await answerConsiderationRequest(profile.userId, params.id, params.requestId, body),
}));
