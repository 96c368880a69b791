import { call, newUser } from './api.ts';

export type Person = { email: string; token: string; userId: string; displayName: string };

const subOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;

/** A new professional, signed in, with a profile. */
export async function newProfessional(displayName: string): Promise<Person> {
  const user = await newUser('team');
  const put = await call('PUT', '/v1/me', { token: user.token, json: { role: 'professional', displayName } });
  if (put.status >= 300) throw new Error(`profile: ${put.status} ${JSON.stringify(put.body)}`);
  return { ...user, userId: subOf(user.token), displayName };
}

/** A team of a director and members who have joined through their invitations (the director first). */
export async function teamOf(director: Person, members: Person[], name = '箕輪クラウドチーム') {
  const created = await call('POST', '/v1/teams', { token: director.token, json: { name } });
  if (created.status !== 201) throw new Error(`team: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  for (const m of members) {
    const invited = await call('POST', `/v1/teams/${id}/invitations`, {
      token: director.token,
      json: { email: m.email },
    });
    if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
    const joined = await call('POST', `/v1/teams/${id}/join`, { token: m.token });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  }
  return id;
}
