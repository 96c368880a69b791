import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.ts';
import { UnauthorizedError } from '../domain/errors.ts';

/**
 * For `optional` routes, which API Gateway does not guard: checks a bearer token exactly as the JWT
 * authorizer would (signature by the pool's keys, issuer, audience = the web client) and returns its claims.
 */
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

export function issuer(): string {
  const c = config();
  return c.COGNITO_ENDPOINT
    ? `${c.COGNITO_ENDPOINT}/${c.USER_POOL_ID}`
    : `https://cognito-idp.${c.AWS_REGION}.amazonaws.com/${c.USER_POOL_ID}`;
}

export async function verifyBearer(header: string | undefined): Promise<Record<string, unknown> | undefined> {
  const token = header && /^Bearer (.+)$/i.exec(header)?.[1];
  if (!token) return undefined;
  jwks ??= createRemoteJWKSet(new URL(`${issuer()}/.well-known/jwks.json`));
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: issuer(),
      audience: config().USER_POOL_CLIENT_ID,
    });
    return payload;
  } catch {
    throw new UnauthorizedError('The sign-in token is not valid. Sign in again.');
  }
}
