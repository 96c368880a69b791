import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.ts';
import { UnauthorizedError } from '../domain/errors.ts';

/**
 * For `optional` routes, which API Gateway does not guard: checks a bearer token exactly as the JWT
 * authorizer would (signature by the pool's keys, issuer, audience = the web client) and returns its claims.
 */
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

/**
 * What every token must pass besides its signature, issuer and audience, here and in the local gateway's
 * authorizer (infra/local/gateway.ts), as API Gateway's JWT authorizer requires: Cognito signs with RS256 only
 * (so `alg: none`, HMAC or any other algorithm is refused before a key is chosen), and a token carries an expiry
 * (jose accepts a token without `exp` unless told to require it).
 */
export const TOKEN_CHECKS = { algorithms: ['RS256'], requiredClaims: ['exp', 'sub'] };

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
      ...TOKEN_CHECKS,
      issuer: issuer(),
      audience: config().USER_POOL_CLIENT_ID,
    });
    return payload;
  } catch {
    throw new UnauthorizedError('The sign-in token is not valid. Sign in again.');
  }
}
