import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { exportJWK, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { lines } from '#functions/routes.ts';
import { splitRouteKey } from '#shared/http/route.ts';
import { routeMatcher } from '../../infra/local/route-matcher.ts';
import { call, cloud, newUser, signIn } from '../support/api.ts';

/**
 * Bad tokens on every route that is not public: each is 401, with a body that says nothing about why. The
 * properly signed ones are signed with cognito-local's own key (it ships a fixed one; the verifier trusts it),
 * so what refuses them is the check of their expiry, audience, issuer and algorithm, not the signature; and a
 * re-signed copy of a good token is accepted on every route, so each 401 below is the token's doing.
 */

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as JWTPayload;

/** cognito-local's signing key, as its token generator reads it (lib/keys/cognitoLocal.private.json). */
function poolKey(): { jwk: JWK; kid: string } {
  const file = createRequire(import.meta.url).resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { jwk } = JSON.parse(readFileSync(file, 'utf8')) as { jwk: JWK };
  return { jwk, kid: jwk.kid ?? 'CognitoLocal' };
}

async function sign(
  claims: JWTPayload,
  key: { jwk: JWK; kid: string },
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
    .sign(await importJWK(key.jwk, 'RS256'));
}

/** The exact bodies a refused token may get: API Gateway's authorizer's, and the optional routes' function's. */
const REFUSALS = [
  { message: 'Unauthorized' },
  { error: { code: 'unauthorized', message: 'The sign-in token is not valid. Sign in again.' } },
];

/** Every line that is not public, with a path that the gateway matches to that very line. */
const guarded = lines
  .filter((l) => l.access !== 'public')
  .map((l) => {
    const { method, path } = splitRouteKey(l.key);
    return { key: l.key, method, path: path.replace(/\{\w+\}/g, 'tok3n-test') };
  });

describe('bad tokens are 401 on every signed-in route', () => {
  let good: string;
  let bad: Record<string, string>;

  beforeAll(async () => {
    const c = cloud();
    const key = poolKey();
    const user = await newUser('tokens');
    const [header, payload, signature] = user.token.split('.') as [string, string, string];
    const claims = decode(payload);
    const now = Math.floor(Date.now() / 1000);
    const fresh = { ...claims, iat: now, auth_time: now, exp: now + 3600 };
    const operator = decode((await signIn('operator@demo.kakehashi.jp')).split('.')[1] as string);

    // A real token from cognito-local for another app client of the same pool: audience is that client.
    const cognito = new CognitoIdentityProviderClient({
      endpoint: c.cognitoEndpoint,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const other = await cognito.send(
      new CreateUserPoolClientCommand({ UserPoolId: c.userPoolId, ClientName: 'someone-elses-app' }),
    );
    const otherClientId = other.UserPoolClient?.ClientId as string;
    const otherClient = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: otherClientId,
        AuthParameters: { USERNAME: user.email, PASSWORD: 'test-password-1' },
      }),
    );

    // Someone else's key pair, and the pool's public key used as an HMAC secret (algorithm confusion).
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const attackerJwk = { jwk: await exportJWK(attacker.privateKey), kid: key.kid };
    const { d, p, q, dp, dq, qi, ...publicJwk } = key.jwk;
    const hmacSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const { exp: _exp, ...noExpiry } = fresh;

    good = await sign(fresh, key);
    bad = {
      expired: await sign({ ...claims, iat: now - 7200, auth_time: now - 7200, exp: now - 60 }, key),
      'not valid yet (nbf)': await sign({ ...fresh, nbf: now + 3600 }, key),
      'without an expiry': await sign(noExpiry, key),
      'another app client (real cognito-local token)': otherClient.AuthenticationResult?.IdToken as string,
      'another audience': await sign({ ...fresh, aud: otherClientId }, key),
      'no audience': await sign({ ...fresh, aud: undefined }, key),
      'another pool (issuer)': await sign({ ...fresh, iss: `${c.cognitoEndpoint}/local_0ther000` }, key),
      'AWS Cognito issuer of the same pool id': await sign(
        { ...fresh, iss: `https://cognito-idp.ap-northeast-1.amazonaws.com/${c.userPoolId}` },
        key,
      ),
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(fresh)}.`,
      'alg none, signature kept': `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
      'signature removed': `${header}.${payload}.`,
      'tampered: the operator’s sub, signature kept': `${header}.${b64url({ ...claims, sub: operator.sub })}.${signature}`,
      'tampered: later expiry, signature kept': `${header}.${b64url({ ...claims, exp: now + 86_400 * 365 })}.${signature}`,
      'forged: another key under the pool key’s kid': await sign(fresh, attackerJwk),
      'forged: the signing key embedded in the header': await sign(fresh, attackerJwk, {
        jwk: await exportJWK(attacker.publicKey),
      }),
      'HS256 with the pool’s public key as the secret': await new SignJWT(fresh)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
        .sign(hmacSecret),
      'not a JWT': 'tok3n-test',
    };
    for (const [name, token] of Object.entries(bad)) if (!token) throw new Error(`no token: ${name}`);
  });

  it('the paths name the lines they are meant for', () => {
    const match = routeMatcher(Object.fromEntries(lines.map((l) => [l.key, l])));
    expect(guarded.length).toBeGreaterThan(40);
    for (const r of guarded) expect(match(r.method, r.path)?.key, r.key).toBe(r.key);
  });

  it('a good token signed with the same key passes the authorizer on every one of them', async () => {
    const through: string[] = [];
    for (const r of guarded) {
      const answer = await call(r.method, r.path, { token: good });
      if (answer.status === 401) through.push(`${r.key}: ${JSON.stringify(answer.body)}`);
    }
    expect(through).toEqual([]);
  });

  it('each bad token is refused with 401 and a body that leaks nothing', async () => {
    const accepted: string[] = [];
    const cases = Object.entries(bad).flatMap(([name, token]) => guarded.map((r) => ({ name, token, ...r })));
    // A few at a time: the gateway is shared with every other test file.
    for (let i = 0; i < cases.length; i += 8) {
      await Promise.all(
        cases.slice(i, i + 8).map(async ({ name, token, key, method, path }) => {
          const res = await fetch(`${cloud().url}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}` },
          });
          const text = await res.text();
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {}
          const exact = REFUSALS.some((r) => JSON.stringify(r) === JSON.stringify(body));
          if (res.status !== 401 || !exact || res.headers.has('set-cookie'))
            accepted.push(`${name} on ${key}: ${res.status} ${text.slice(0, 200)}`);
        }),
      );
    }
    expect(accepted).toEqual([]);
  });
});
