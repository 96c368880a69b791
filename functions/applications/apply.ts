import { apply } from '#shared/applications/use-cases.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/projects/{id}/applications', async ({ profile, params, body }) => ({
  status: 201,
  json: await apply(profile, params.id, body.proposal),
}));
