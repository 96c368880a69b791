import { myProfile } from '#shared/accounts/my-profile.ts';
import { signedInApi } from '#shared/http/signed-in-api.ts';
import * as routes from './routes.ts';

export const handler = signedInApi(routes.getMe, async ({ caller, profile }) => ({
  json: await myProfile(caller, profile),
}));
