import { saveProfile } from '#shared/accounts/save-profile.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('PUT /v1/me', async ({ caller, body }) => {
  const { user, created } = await saveProfile(caller, body);
  return { status: created ? 201 : 200, json: user };
});
