import { type Handler, httpApi, type Reply, type Request } from './api.ts';
import { callerFrom } from './caller.ts';
import type { Route } from './route.ts';
import { verifyBearer } from './verify-token.ts';

/**
 * A handler for an `optional` line, which API Gateway does not guard: a bearer token, when sent, is checked
 * here exactly as the authorizer would, and a bad one is refused (401) rather than ignored.
 */
export function optionalApi<R extends Route & { access: 'optional' }>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
): Handler {
  return httpApi(route, handle, async (_line, event) => {
    const known = callerFrom(event);
    if (known) return { caller: known };
    const claims = await verifyBearer(event.headers?.authorization);
    return {
      caller: claims
        ? callerFrom({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as never)
        : undefined,
    };
  });
}
