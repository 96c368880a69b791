import { users } from '../accounts/user.entity.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { Role } from '../domain/roles.ts';
import { type Handler, httpApi, type Reply, type Request } from './api.ts';
import { callerFrom, refuseSuspended, requireCaller } from './caller.ts';
import type { Route } from './route.ts';

/** A handler for a line limited to roles: the caller's profile is read, and must have one of them. */
export function roleApi<R extends Route & { access: readonly Role[] }>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
): Handler {
  return httpApi(route, handle, async (line, event) => {
    const caller = requireCaller(callerFrom(event));
    const profile = await users.get(caller.userId);
    refuseSuspended(profile);
    if (!profile || !(line.access as readonly Role[]).includes(profile.role)) throw new ForbiddenError();
    return { caller, profile };
  });
}
