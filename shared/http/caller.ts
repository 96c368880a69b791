import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../domain/errors.ts';

/** Who is calling, as the API Gateway JWT authorizer vouched for it (never taken from the body). */
export type Caller = { userId: string; email: string | undefined; emailVerified: boolean };

export function callerFrom(event: Partial<APIGatewayProxyEventV2WithJWTAuthorizer>): Caller | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    userId: claims.sub,
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
  };
}

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthorizedError();
  return caller;
}

/**
 * The one check of a suspended account, made by every wrapper that reads the caller's profile (role-limited,
 * signed-in and optional routes): whatever the route, a suspended person's request is refused.
 */
export function refuseSuspended(profile: { suspended?: boolean } | undefined): void {
  if (profile?.suspended)
    throw new ForbiddenError(
      'This account is suspended by the Kakehashi operators: contact them about it.',
      'account_suspended',
    );
}
