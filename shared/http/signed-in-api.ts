import { users } from '../accounts/user.entity.ts';
import { type Handler, httpApi, type Reply, type Request } from './api.ts';
import { callerFrom, refuseSuspended, requireCaller } from './caller.ts';
import type { Route } from './route.ts';

/**
 * A handler for a line open to anyone signed in (`GET/PUT /v1/me`): the caller's profile is read, if there is
 * one yet, so that a suspended account is refused here as on every other route; the handler gets it.
 */
export function signedInApi<R extends Route & { access: 'signedIn' }>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
): Handler {
  return httpApi(route, handle, async (_line, event) => {
    const caller = requireCaller(callerFrom(event));
    const profile = await users.get(caller.userId);
    refuseSuspended(profile);
    return { caller, profile };
  });
}
