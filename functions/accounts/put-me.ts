import { saveProfile } from '#shared/accounts/save-profile.ts';
import { signedInApi } from '#shared/http/signed-in-api.ts';
import * as routes from './routes.ts';

export const handler = signedInApi(routes.putMe, async ({ caller, profile, body }) => {
  const { user, created } = await saveProfile(caller, body, profile);
  return { status: created ? 201 : 200, json: user };
});
