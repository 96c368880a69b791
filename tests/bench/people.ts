import type { LocalCloud } from '../../infra/local/stack.ts';
import { idToken } from './get-me.ts';

/** New accounts through cognito-local, as the web app makes them (the bench cannot use vitest's helpers). */

export const PASSWORD = 'bench-password-1';

/** Cognito SignUp (the local PreSignUp trigger confirms at once) then USER_PASSWORD_AUTH: the ID token. */
export async function signUp(cloud: LocalCloud, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(cloud.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: cloud.clientId, Username: email, Password: password }),
  });
  if (!res.ok) throw new Error(`Cognito SignUp of ${email}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return idToken(cloud, email, password);
}

const SKILLS = [['marketing', 'ec'], ['dx'], ['accounting', 'dx'], ['design', 'marketing'], ['hiring']];

/** The first `PUT /v1/me` of a professional (201: the profile is created). */
export function professionalProfile(n: number) {
  return {
    role: 'professional' as const,
    displayName: `負荷試験 ${n}`,
    skills: SKILLS[n % SKILLS.length] as string[],
  };
}

/** `PUT /v1/me` with a profile; the answer's status (the caller decides what is expected). */
export async function putProfile(cloud: LocalCloud, token: string, profile: unknown): Promise<number> {
  const res = await fetch(`${cloud.url}/v1/me`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(profile),
  });
  await res.arrayBuffer();
  return res.status;
}
