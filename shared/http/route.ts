import type { z } from 'zod';
import type { Role } from '../domain/roles.ts';

export { ROLES, type Role } from '../domain/roles.ts';

/**
 * Who may call a route: anyone; anyone, recognised when signed in (`optional`: a draft shows to its owner);
 * anyone signed in; or signed-in users whose profile has one of the roles.
 */
export type Access = 'public' | 'optional' | 'signedIn' | readonly Role[];

/** Whether API Gateway's JWT authorizer guards the route (an `optional` route checks a token itself). */
export const gatewayAuthorizes = (access: Access) => access !== 'public' && access !== 'optional';

/**
 * What a function does besides computing: CDK grants exactly this and nothing more (least privilege from the
 * line, not from folder names). A route limited to roles reads the table for the caller's profile.
 */
export type Needs = {
  /** `read`: GetItem, BatchGetItem, Query. `write`: those and Put, Update, Delete, BatchWrite, transactions. */
  table?: 'read' | 'write';
  /** Reads the Stripe secret and calls Stripe. */
  stripe?: boolean;
  /** Sends mail through SES. */
  mail?: boolean;
  /** Scans the whole table: a job that must see everything (the relationship population's rebuild), never a route. */
  scan?: boolean;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteKey = `${HttpMethod} /${string}`;

/**
 * A zod schema. The product's schemas are written with zod's mini API (../zod-mini.ts); a classic schema
 * (`import * as z from 'zod'`) parses alike, through zod's one core, and is accepted too.
 */
export type Schema = z.core.$ZodType & {
  safeParse(input: unknown): z.core.util.SafeParseResult<unknown>;
};

/** One line of a context's route table (functions/<context>/routes.ts): what CDK, the gateway and OpenAPI read. */
export interface Route {
  key: RouteKey;
  /** Handler file under functions/, without extension: `accounts/get-me`. */
  handler: string;
  access: Access;
  summary: string;
  tag: string;
  needs: Needs;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Binding: the handler's reply is typed by it, and the integration tests check every reply against it. */
  response?: Schema;
  /** What the route answers with when it is not JSON. */
  produces?: 'text/html' | 'text/csv' | 'text/calendar';
}

/**
 * Declares a line. Each call in a routes.ts is marked `/* @__PURE__ *\/` so that a bundle keeps only the lines it
 * uses: a handler imports its one line from its context's routes.ts and esbuild drops the others (a line names
 * schemas, it builds none; tests/unit/architecture.test.ts checks the bundles).
 */
/* @__NO_SIDE_EFFECTS__ */
export function line<const K extends RouteKey, const R extends Omit<Route, 'key'>>(
  key: K,
  route: R,
): R & { key: K } {
  return { ...route, key };
}

export function splitRouteKey(key: string): { method: HttpMethod; path: string } {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { method, path };
}

/**
 * What a line's function needs in all: every route but a public one also reads the table, for the caller's
 * profile (its role, and whether the account is suspended).
 */
export const needsOf = (route: Pick<Route, 'access' | 'needs'>): Needs =>
  route.access !== 'public' && !route.needs.table ? { ...route.needs, table: 'read' } : route.needs;

/** What OpenAPI and the gateway's matcher read of a line. */
export type RouteDescription = Omit<Route, 'key' | 'needs'>;

/** Schedules and stream consumers are lines too: their handler and what it needs. */
export type JobLine = { name: string; handler: string; needs: Needs };
