import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, cloud, mailTo, newUser, pagesOf, signIn, table } from '../support/api.ts';
import { expectRefused } from '../support/refused.ts';

const sub = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).sub as string;

/** A fresh professional, signed in, with a profile. */
async function professional(prefix: string, displayName = prefix) {
  const { email, token } = await newUser(prefix);
  const me = await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName } });
  if (me.status !== 201) throw new Error(`profile: ${me.status} ${JSON.stringify(me.body)}`);
  return { email, token, userId: sub(token), displayName };
}
type Pro = Awaited<ReturnType<typeof professional>>;

async function newTeam(director: Pro, name = 'チーム架け橋') {
  const created = await call('POST', '/v1/teams', { token: director.token, json: { name } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}
const invite = (director: Pro, teamId: string, email: string) =>
  call('POST', `/v1/teams/${teamId}/invitations`, { token: director.token, json: { email } });
const join = (who: { token: string }, teamId: string) =>
  call('POST', `/v1/teams/${teamId}/join`, { token: who.token });
const myTeams = async (who: { token: string }) =>
  (await call('GET', '/v1/me/teams', { token: who.token })).body.items as {
    id: string;
    yourRole: string;
    memberCount: number;
  }[];
const nobody = () => `nobody-${Math.random().toString(36).slice(2, 10)}@test.kakehashi.jp`;

describe('teams', () => {
  it('a professional creates a team, invites by e-mail (mailed in ja and en), and only the invited address joins', async () => {
    const [director, member, other] = await Promise.all([
      professional('team-director', '監督 花子'),
      professional('team-member', '佐藤 次郎'),
      professional('team-other', '他人 三郎'),
    ]);
    const created = await call('POST', '/v1/teams', {
      token: director.token,
      json: { name: '鳥取デジタル支援チーム', description: 'EC と広報をまとめて引き受けます。' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '鳥取デジタル支援チーム',
      description: 'EC と広報をまとめて引き受けます。',
      directorId: director.userId,
      yourRole: 'director',
      memberCount: 1,
      members: [{ userId: director.userId, displayName: '監督 花子', status: 'member' }],
    });
    const id = created.body.id as string;

    // The address is matched whatever its case; the invited person's account shows by name.
    const invited = await invite(director, id, member.email.toUpperCase());
    expect(invited.status).toBe(201);
    expect(invited.body.members).toEqual([
      expect.objectContaining({ userId: director.userId, status: 'member' }),
      expect.objectContaining({
        userId: member.userId,
        displayName: '佐藤 次郎',
        status: 'invited',
        email: member.email,
      }),
    ]);
    const mail = (await mailTo(member.email)).find((m) => m.subject.includes('鳥取デジタル支援チーム'));
    expect(mail?.subject).toContain('チーム「鳥取デジタル支援チーム」に招待されました');
    expect(mail?.subject).toContain('You are invited to the team');
    expect(mail?.text).toContain('監督 花子 さんが');
    expect(mail?.text).toContain('invited you to join');
    expect(mail?.text).toContain(`${cloud().url}/teams/${id}?join=1`);

    // An address with no account yet: the director sees it, the others see it masked.
    const address = nobody();
    const second = await invite(director, id, address);
    expect(second.body.members[2]).toEqual({
      userId: null,
      displayName: address,
      status: 'invited',
      email: address,
    });

    // Another professional is told nothing: the team does not exist for them, and they cannot join it.
    expect((await call('GET', `/v1/teams/${id}`, { token: other.token })).status).toBe(404);
    expect((await join(other, id)).status).toBe(404);
    expect((await call('POST', `/v1/teams/${id}/leave`, { token: other.token })).status).toBe(404);
    expect((await myTeams(other)).map((t) => t.id)).not.toContain(id);

    // The invited person sees the team before joining, without the addresses.
    const asInvited = await call('GET', `/v1/teams/${id}`, { token: member.token });
    expect(asInvited.status).toBe(200);
    expect(asInvited.body.yourRole).toBe('invited');
    expect(asInvited.body.members[2]).toEqual({
      userId: null,
      displayName: `n***@test.kakehashi.jp`,
      status: 'invited',
    });
    expect(JSON.stringify(asInvited.body)).not.toContain(member.email);
    expect((await myTeams(member)).find((t) => t.id === id)).toMatchObject({
      yourRole: 'invited',
      memberCount: 1,
    });

    const joined = await join(member, id);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ yourRole: 'member', memberCount: 2 });
    // Joining twice is harmless.
    const again = await join(member, id);
    expect(again.status).toBe(200);
    expect(again.body.memberCount).toBe(2);

    // Director first, then members by join time, then invitations.
    const asDirector = await call('GET', `/v1/teams/${id}`, { token: director.token });
    expect(
      asDirector.body.members.map((m: { userId: string | null; status: string }) => [m.userId, m.status]),
    ).toEqual([
      [director.userId, 'member'],
      [member.userId, 'member'],
      [null, 'invited'],
    ]);
    expect(asDirector.body.members[1].joinedAt).toEqual(expect.any(String));
    expect(asDirector.body.members[1].email).toBeUndefined();
    const asMember = await call('GET', `/v1/teams/${id}`, { token: member.token });
    expect(asMember.body.yourRole).toBe('member');
    expect(asMember.body.members[2].email).toBeUndefined();

    expect((await myTeams(director)).find((t) => t.id === id)).toMatchObject({
      yourRole: 'director',
      memberCount: 2,
    });
    expect((await myTeams(member)).find((t) => t.id === id)).toMatchObject({
      yourRole: 'member',
      memberCount: 2,
    });
  });

  it('refuses an address already in the team or invited, one of a firm, and callers who do not direct it', async () => {
    const [director, member, invitedPro, stranger] = await Promise.all([
      professional('team-d2'),
      professional('team-m2'),
      professional('team-i2'),
      professional('team-s2'),
    ]);
    const id = await newTeam(director);
    expect((await invite(director, id, member.email)).status).toBe(201);
    expect((await join(member, id)).status).toBe(200);
    expect((await invite(director, id, invitedPro.email)).status).toBe(201);

    for (const email of [member.email, invitedPro.email, director.email, invitedPro.email.toUpperCase()]) {
      const refused = await invite(director, id, email);
      expect(refused.status, email).toBe(409);
      expect(refused.body.error.code, email).toBe('already_invited');
    }
    const firm = await invite(director, id, 'firm@demo.kakehashi.jp');
    expect(firm.status).toBe(409);
    expect(firm.body.error.code).toBe('not_a_professional');
    expect(firm.body.error.message).toMatch(/not a professional/);

    // A member and an invited person may not invite (403); to a stranger the team does not exist (404).
    expect((await invite(member, id, nobody())).status).toBe(403);
    expect((await invite(invitedPro, id, nobody())).status).toBe(403);
    expect((await invite(stranger, id, nobody())).status).toBe(404);
    // A firm is no professional: every team route is closed to it.
    const firmToken = await signIn('firm@demo.kakehashi.jp');
    expect((await call('POST', '/v1/teams', { token: firmToken, json: { name: 'x' } })).status).toBe(403);
    expect((await call('GET', `/v1/teams/${id}`, { token: firmToken })).status).toBe(403);

    const team = await call('GET', `/v1/teams/${id}`, { token: director.token });
    expect(team.body.members).toHaveLength(3);
  });

  it('never lets a team pass 20, whatever races: invitations and joins at once', async () => {
    const director = await professional('team-cap');
    const id = await newTeam(director);
    const pros = await Promise.all(Array.from({ length: 22 }, (_, i) => professional(`team-cap-${i}`)));
    // 19 seats are left beside the director's: 22 invitations at once.
    const answers = await Promise.all(pros.map((p) => invite(director, id, p.email)));
    const invited = pros.filter((_, i) => answers[i]?.status === 201);
    const refused = pros.filter((_, i) => answers[i]?.status !== 201);
    expect(invited).toHaveLength(19);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.error.code])).toEqual([
      [409, 'team_full'],
      [409, 'team_full'],
      [409, 'team_full'],
    ]);
    expect((await invite(director, id, nobody())).body.error.code).toBe('team_full');

    // Everyone invited joins at once: the team ends with 20, the director included.
    const joins = await Promise.all(invited.map((p) => join(p, id)));
    expect(joins.map((j) => j.status)).toEqual(invited.map(() => 200));
    const team = await call('GET', `/v1/teams/${id}`, { token: director.token });
    expect(team.body.memberCount).toBe(20);
    expect(team.body.members.map((m: { status: string }) => m.status)).toEqual(
      Array.from({ length: 20 }, () => 'member'),
    );
    expect((await invite(director, id, nobody())).body.error.code).toBe('team_full');

    // Even an invitation that slipped past the seats (written straight into the table) cannot make a 21st.
    const late = refused[0] as Pro;
    const { doc, name } = table();
    const at = new Date().toISOString();
    await doc.send(
      new PutCommand({
        TableName: name,
        Item: {
          PK: `TEAM#${id}`,
          SK: `INVITE#${late.email.toLowerCase()}`,
          type: 'TeamInvitation',
          teamId: id,
          email: late.email.toLowerCase(),
          invitedBy: director.userId,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          createdAt: at,
          updatedAt: at,
        },
      }),
    );
    const full = await join(late, id);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('team_full');
    const stored = await doc.send(new GetCommand({ TableName: name, Key: { PK: `TEAM#${id}`, SK: 'TEAM' } }));
    expect(stored.Item).toMatchObject({ memberCount: 20, seatsTaken: 20 });
  });

  it('a member leaves (the director cannot); the seat is free again', async () => {
    const [director, member, invitedPro, stranger] = await Promise.all([
      professional('team-d4', '監督'),
      professional('team-m4', '去る人'),
      professional('team-i4'),
      professional('team-s4'),
    ]);
    const id = await newTeam(director);
    await invite(director, id, member.email);
    await join(member, id);
    await invite(director, id, invitedPro.email);

    const refused = await call('POST', `/v1/teams/${id}/leave`, { token: director.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('director_cannot_leave');
    expect((await call('POST', `/v1/teams/${id}/leave`, { token: invitedPro.token })).status).toBe(404);
    expect((await call('POST', `/v1/teams/${id}/leave`, { token: stranger.token })).status).toBe(404);

    const left = await call('POST', `/v1/teams/${id}/leave`, { token: member.token });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ memberCount: 1, leftAt: expect.any(String) });
    expect(left.body.members.map((m: { userId: string | null }) => m.userId)).not.toContain(member.userId);

    // Gone: they see the team no more, cannot leave twice, and it is not in their list.
    expect((await call('GET', `/v1/teams/${id}`, { token: member.token })).status).toBe(404);
    expect((await call('POST', `/v1/teams/${id}/leave`, { token: member.token })).status).toBe(404);
    expect((await myTeams(member)).map((t) => t.id)).not.toContain(id);
    expect((await call('GET', `/v1/teams/${id}`, { token: director.token })).body.memberCount).toBe(1);

    // They may be invited again and come back.
    expect((await invite(director, id, member.email)).status).toBe(201);
    expect((await join(member, id)).body.memberCount).toBe(2);
  });

  it('an expired invitation cannot be used to join and is shown no more; the address can be invited again', async () => {
    const [director, late] = await Promise.all([professional('team-d5'), professional('team-late')]);
    const id = await newTeam(director);
    expect((await invite(director, id, late.email)).status).toBe(201);
    // The API has no clock to move: the invitation's expiry is moved into the past instead.
    const { doc, name } = table();
    await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { PK: `TEAM#${id}`, SK: `INVITE#${late.email.toLowerCase()}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1_000).toISOString() },
      }),
    );
    expect((await join(late, id)).status).toBe(404);
    expect((await call('GET', `/v1/teams/${id}`, { token: late.token })).status).toBe(404);
    expect((await myTeams(late)).map((t) => t.id)).not.toContain(id);
    const team = await call('GET', `/v1/teams/${id}`, { token: director.token });
    expect(team.body.members).toHaveLength(1);

    const renewed = await invite(director, id, late.email);
    expect(renewed.status).toBe(201);
    expect(renewed.body.members).toHaveLength(2);
    expect((await join(late, id)).body).toMatchObject({ yourRole: 'member', memberCount: 2 });
    const stored = await doc.send(new GetCommand({ TableName: name, Key: { PK: `TEAM#${id}`, SK: 'TEAM' } }));
    expect(stored.Item).toMatchObject({ memberCount: 2, seatsTaken: 2 });
  });
  it('pages the caller’s teams with one cursor: memberships newest first, then open invitations, each once', async () => {
    const [me, other] = await Promise.all([professional('team-pages'), professional('team-pages-o')]);
    // Two teams they direct, one they joined: their memberships, the newest first.
    const directed = [await newTeam(me, 'ページ 1'), await newTeam(me, 'ページ 2')];
    const joined = await newTeam(other, '参加したチーム');
    expect((await invite(other, joined, me.email)).status).toBe(201);
    expect((await join(me, joined)).status).toBe(200);
    // Three invitations to their address, one of them expired (stored still, shown no more).
    const invited = [await newTeam(other, '招待 1'), await newTeam(other, '招待 2')];
    const expired = await newTeam(other, '期限切れ');
    for (const id of [...invited, expired]) expect((await invite(other, id, me.email)).status).toBe(201);
    const { doc, name } = table();
    await doc.send(
      new UpdateCommand({
        TableName: name,
        Key: { PK: `TEAM#${expired}`, SK: `INVITE#${me.email.toLowerCase()}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1_000).toISOString() },
      }),
    );

    type Summary = { id: string; yourRole: string };
    const pages = await pagesOf<{ items: Summary[]; nextCursor: string | null }>(me.token, '/v1/me/teams', 2);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((p) => p.items.length <= 2)).toBe(true);
    expect(pages.slice(0, -1).every((p) => typeof p.nextCursor === 'string')).toBe(true);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const items = pages.flatMap((p) => p.items);
    // Every team exactly once: the memberships newest first, then the invitations (in the index's order).
    expect(items.map((t) => t.id)).toHaveLength(new Set(items.map((t) => t.id)).size);
    expect(items.slice(0, 3).map((t) => [t.id, t.yourRole])).toEqual([
      [joined, 'member'],
      [directed[1], 'director'],
      [directed[0], 'director'],
    ]);
    expect(items.slice(3).map((t) => t.yourRole)).toEqual(['invited', 'invited']);
    expect(
      items
        .slice(3)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...invited].sort());
    // The default page holds them all, with no cursor.
    const whole = await call('GET', '/v1/me/teams', { token: me.token });
    expect(whole.body.items.map((t: Summary) => t.id)).toEqual(items.map((t) => t.id));
    expect(whole.body.nextCursor).toBeNull();

    // The cursor belongs to the caller's list: another person's is refused, and so is a made-up one.
    const theirs = await call('GET', '/v1/me/teams?limit=1', { token: other.token });
    expect(theirs.body.nextCursor).toEqual(expect.any(String));
    const mid = pages[1]?.nextCursor as string; // in my invitations by now
    for (const [who, cursor] of [
      [me, theirs.body.nextCursor],
      [other, mid],
      [me, 'not-a-cursor'],
      [me, Buffer.from(JSON.stringify({ PK: 'LIST#ALL', SK: 'x' })).toString('base64url')],
      [me, Buffer.from(JSON.stringify({ in: 'invitations', cursor: 'x' })).toString('base64url')],
    ] as const)
      expectRefused(
        await call('GET', `/v1/me/teams?cursor=${encodeURIComponent(cursor)}`, { token: who.token }),
        cursor,
        'query.cursor',
      );
    for (const limit of ['0', '101', 'ten', '2.5'])
      expectRefused(
        await call('GET', `/v1/me/teams?limit=${limit}`, { token: me.token }),
        limit,
        'query.limit',
      );
    expectRefused(await call('GET', '/v1/me/teams?page=2', { token: me.token }), 'page', 'query');
  });
});
