import type { z } from 'zod';

export const ROLES = ['professional', 'firm', 'region_staff', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route: anyone; anyone, recognised when signed in (`optional`: a draft shows to its owner);
 * anyone signed in; or signed-in users whose profile has one of the roles.
 */
export type Access = 'public' | 'optional' | 'signedIn' | readonly Role[];

/** Whether API Gateway's JWT authorizer guards the route (an `optional` route checks a token itself). */
export const gatewayAuthorizes = (access: Access) => access !== 'public' && access !== 'optional';

/** One line of the route table: the single source that CDK, the local gateway and OpenAPI read. */
export interface Route {
  /** Handler file under functions/, without extension: `accounts/get-me`. */
  handler: string;
  access: Access;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** What the route answers with when it is not JSON. */
  produces?: 'text/html' | 'text/csv' | 'text/calendar';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteKey = `${HttpMethod} /${string}`;

export function splitRouteKey(key: string): { method: HttpMethod; path: string } {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { method, path };
}
