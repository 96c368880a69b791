import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { call, cloud, newUser, signIn } from './api.ts';

export const PERSONAS = [
  'anonymous',
  'proA',
  'proB',
  'firmA',
  'firmB',
  'staffX',
  'staffY',
  'operator',
] as const;
export type Persona = (typeof PERSONAS)[number];
export type Personas = Record<Persona, { token?: string; userId?: string; email?: string }>;

const subOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub;

/**
 * Every kind of caller of BRIEF 4's authorization matrix: anonymous, two professionals, two firms,
 * staff of two regions (Tottori 31 and the Amami group) and an operator, each signed in for real.
 */
export async function personas(): Promise<Personas> {
  const operator = await signIn('operator@demo.kakehashi.jp');
  const staffYEmail = `staff-y-${randomUUID().slice(0, 8)}@test.kakehashi.jp`;
  await call('POST', '/v1/admin/region-staff', {
    token: operator,
    json: { email: staffYEmail, regionCode: 'amami' },
  });
  await new CognitoIdentityProviderClient({
    endpoint: cloud().cognitoEndpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  }).send(new SignUpCommand({ ClientId: cloud().clientId, Username: staffYEmail, Password: 'staff-pass-1' }));
  const staffY = await signIn(staffYEmail, 'staff-pass-1');
  await call('GET', '/v1/me', { token: staffY }); // takes up the invitation

  const proB = await newUser('pro-b');
  await call('PUT', '/v1/me', { token: proB.token, json: { role: 'professional', displayName: 'Pro B' } });

  const tokens = {
    proA: await signIn('pro@demo.kakehashi.jp'),
    proB: proB.token,
    firmA: await signIn('firm@demo.kakehashi.jp'),
    firmB: await signIn('amami-firm@demo.kakehashi.jp'),
    staffX: await signIn('staff@demo.kakehashi.jp'),
    staffY,
    operator,
  };
  const all = { anonymous: {} } as Personas;
  for (const [name, token] of Object.entries(tokens)) all[name as Persona] = { token, userId: subOf(token) };
  return all;
}
