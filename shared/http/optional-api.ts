import { users } from '../accounts/user.entity.ts';
import { type Handler, httpApi, type Reply, type Request } from './api.ts';
import { type Caller, callerFrom, refuseSuspended } from './caller.ts';
import type { Route } from './route.ts';
import { verifyBearer } from './verify-token.ts';

/**
 * A handler for an `optional` line, which API Gateway does not guard: a bearer token, when sent, is checked
 * here exactly as the authorizer would, and a bad one is refused (401) rather than ignored. A signed-in
 * caller's profile is read (the handler gets it), and a suspended one is refused.
 */
export function optionalApi<R extends Route & { access: 'optional' }>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
): Handler {
  return httpApi(route, handle, async (_line, event) => {
    let caller: Caller | undefined = callerFrom(event);
    if (!caller) {
      const claims = await verifyBearer(event.headers?.authorization);
      if (!claims) return { caller: undefined };
      caller = callerFrom({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as never);
    }
    const profile = caller ? await users.get(caller.userId) : undefined;
    refuseSuspended(profile);
    return { caller, profile };
  });
}
