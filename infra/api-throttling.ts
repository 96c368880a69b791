import { type Route, splitRouteKey } from '#shared/http/route.ts';

/** Steady-state requests per second and burst, for all callers of a route together (API Gateway's throttling). */
export type Throttle = { rateLimit: number; burstLimit: number };

/**
 * The stage's limits by tier (context `apiRateLimit`/`apiBurstLimit`, `apiWrite…`, `apiSensitive…`). They
 * count every caller together; WAF's rate-based rule (infra/edge-stack.ts) is what limits one client.
 */
export type ApiThrottles = { default: Throttle; write: Throttle; sensitive: Throttle };
export type ThrottleTier = keyof ApiThrottles;

/**
 * Which tier a line's route gets, from what the line says (never a list of routes kept by hand):
 * - `sensitive`: it mails someone or calls Stripe (sign-up's welcome mail, applying, decisions, the Stripe
 *   webhook, payments and registrations), or it is a write anyone may call without signing in (the webhook,
 *   unsubscribe links): each request costs a mail, a Stripe call, or is open to the whole internet;
 * - `write`: any other POST, PUT, PATCH or DELETE;
 * - `default`: the reads, at the stage's default limits.
 */
export function throttleTier(route: Pick<Route, 'key' | 'access' | 'needs'>): ThrottleTier {
  const write = splitRouteKey(route.key).method !== 'GET';
  if (route.needs.mail || route.needs.stripe || (write && route.access === 'public')) return 'sensitive';
  return write ? 'write' : 'default';
}

/**
 * The stage's `RouteSettings`: an entry for every route stricter than the default, by route key. (A route's
 * settings replace the defaults for it, so each entry carries both limits.)
 */
export function routeThrottles(
  routes: Readonly<Record<string, Route>>,
  throttles: ApiThrottles,
): Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> {
  const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  for (const [key, route] of Object.entries(routes)) {
    const tier = throttleTier(route);
    if (tier === 'default') continue;
    const { rateLimit, burstLimit } = throttles[tier];
    settings[key] = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit };
  }
  return settings;
}
