import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '#shared/data/client.ts';
import type { LocalCloud } from '../../infra/local/stack.ts';
import { interleaved, percentile } from './stats.ts';

export async function idToken(cloud: LocalCloud, email: string, password: string) {
  const res = await fetch(cloud.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  });
  const body = (await res.json()) as { AuthenticationResult: { IdToken: string } };
  return body.AuthenticationResult.IdToken;
}

/** `GET /v1/me` through the local gateway (JWT check, middleware, handler) against a bare GetItem of the same item. */
export async function measureGetMe(cloud: LocalCloud, email: string, password: string, rounds = 400) {
  const token = await idToken(cloud, email, password);
  const sub = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;
  const viaApi = async () => {
    const res = await fetch(`${cloud.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`GET /v1/me answered ${res.status}`);
    await res.arrayBuffer();
  };
  const bare = async () => {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: { PK: `USER#${sub}`, SK: 'PROFILE' } }),
    );
    if (!Item) throw new Error('no item');
  };
  await interleaved(50, viaApi, bare); // warm-up: JIT, connections, JWKS cache
  const { a, b } = await interleaved(rounds, viaApi, bare);
  return {
    api: { p50: percentile(a, 50), p99: percentile(a, 99) },
    getItem: { p50: percentile(b, 50), p99: percentile(b, 99) },
  };
}
