import { myProfile } from '#shared/accounts/my-profile.ts';
import { api } from '#shared/http/api.ts';
import * as routes from './routes.ts';

export const handler = api(routes.getMe, async ({ caller }) => ({ json: await myProfile(caller) }));
