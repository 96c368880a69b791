import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call, mailTo, newUser, signIn, table } from '../support/api.ts';

describe('accounts: sign up → sign in → PUT /v1/me → GET /v1/me', () => {
  it('creates a professional profile that reads back, and welcomes them by mail', async () => {
    const { email, token } = await newUser('pro');
    expect((await call('GET', '/v1/me', { token })).status).toBe(404);

    const put = await call('PUT', '/v1/me', {
      token,
      json: {
        role: 'professional',
        displayName: '田中 太郎',
        skills: ['DX', 'marketing', 'dx'],
        homePrefectureCode: '13',
        regionsOfInterest: [{ regionCode: '31', ties: ['hometown'] }],
        hoursPerMonth: 20,
      },
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ role: 'professional', displayName: '田中 太郎', email });
    expect(put.body.skills).toEqual(['dx', 'marketing']);

    const get = await call('GET', '/v1/me', { token });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ role: 'professional', displayName: '田中 太郎', hoursPerMonth: 20 });
    expect(get.body).not.toHaveProperty('PK');

    const mail = await mailTo(email);
    expect(mail.map((m) => m.subject)).toContain('架け橋へようこそ / Welcome to Kakehashi');
  });

  it('creates a firm in a municipality and lets it edit its profile', async () => {
    const { token } = await newUser('firm');
    const body = {
      role: 'firm',
      displayName: '鈴木',
      organizationName: '湯梨浜ぶどう園',
      municipalityCode: '31370',
    };
    expect((await call('PUT', '/v1/me', { token, json: body })).status).toBe(201);
    const edited = await call('PUT', '/v1/me', {
      token,
      json: { ...body, invoiceRegistrationNumber: 'T1234567890123' },
    });
    expect(edited.status).toBe(200);
    expect((await call('GET', '/v1/me', { token })).body.invoiceRegistrationNumber).toBe('T1234567890123');
  });

  it('refuses anonymous callers with 401, as the JWT authorizer does', async () => {
    expect((await call('GET', '/v1/me')).status).toBe(401);
    expect((await call('GET', '/v1/me', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('never changes the role after the first PUT', async () => {
    const { token } = await newUser('role');
    await call('PUT', '/v1/me', { token, json: { role: 'professional', displayName: 'A' } });
    const second = await call('PUT', '/v1/me', {
      token,
      json: { role: 'firm', displayName: 'A', organizationName: 'X', municipalityCode: '31370' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('role_immutable');
    expect((await call('GET', '/v1/me', { token })).body.role).toBe('professional');
  });

  it('does not let a user make themselves staff or operator', async () => {
    const { token } = await newUser('self');
    const answer = await call('PUT', '/v1/me', { token, json: { role: 'operator', displayName: 'Me' } });
    expect(answer.status).toBe(403);
    expect((await call('GET', '/v1/me', { token })).status).toBe(404);
  });
});

describe('region staff by invitation', () => {
  it('refuses the admin route to a professional (403) and to a user without a profile (403)', async () => {
    const pro = await signIn('pro@demo.kakehashi.jp');
    const invite = { email: 'x@test.kakehashi.jp', regionCode: '31' };
    expect((await call('POST', '/v1/admin/region-staff', { token: pro, json: invite })).status).toBe(403);
    const { token } = await newUser('nobody');
    expect((await call('POST', '/v1/admin/region-staff', { token, json: invite })).status).toBe(403);
  });

  it('an invited address signs up and gets the staff role and region at sign-in', async () => {
    const operator = await signIn('operator@demo.kakehashi.jp');
    const email = `staff-${Date.now()}@test.kakehashi.jp`;
    const invited = await call('POST', '/v1/admin/region-staff', {
      token: operator,
      json: { email, regionCode: 'amami' },
    });
    expect(invited.status).toBe(201);
    expect((await mailTo(email))[0]?.subject).toContain('奄美群島');

    const { SignUpCommand, CognitoIdentityProviderClient } = await import(
      '@aws-sdk/client-cognito-identity-provider'
    );
    const { cloud } = await import('../support/api.ts');
    await new CognitoIdentityProviderClient({
      endpoint: cloud().cognitoEndpoint,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    }).send(new SignUpCommand({ ClientId: cloud().clientId, Username: email, Password: 'staff-pass-1' }));
    const token = await signIn(email, 'staff-pass-1');
    const me = await call('GET', '/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'region_staff', regionCode: 'amami', email });

    // The invitation is used up.
    const { doc, name } = table();
    const left = await doc.send(
      new GetCommand({ TableName: name, Key: { PK: `INVITE#${email}`, SK: 'INVITATION' } }),
    );
    expect(left.Item).toBeUndefined();
  });

  it('the demo staff member belongs to Tottori prefecture', async () => {
    const token = await signIn('staff@demo.kakehashi.jp');
    expect((await call('GET', '/v1/me', { token })).body).toMatchObject({
      role: 'region_staff',
      regionCode: '31',
    });
  });
});
