import { withdrawApplication } from '#shared/applications/use-cases.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('POST /v1/applications/{id}/withdraw', async ({ profile, params }) => ({
  json: await withdrawApplication(profile.userId, params.id),
}));
