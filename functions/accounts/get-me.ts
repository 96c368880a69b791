import { myProfile } from '#shared/accounts/my-profile.ts';
import { endpoint } from '../endpoint.ts';

export const handler = endpoint('GET /v1/me', async ({ caller }) => ({ json: await myProfile(caller) }));
