import { api, type Handler, type Reply, type Request } from '#shared/http/api.ts';
import { type RouteTable, routes } from './routes.ts';

/** A handler for one line of the route table: its access rule and schemas come from that line. */
export function endpoint<K extends keyof RouteTable>(
  key: K,
  handle: (request: Request<RouteTable[K]>) => Promise<Reply>,
): Handler {
  return api(routes[key], handle);
}
