import { describe, expect, it } from 'vitest';
import { call, cloud } from '../support/api.ts';

describe('public routes', () => {
  it('health answers ok when the table answers', async () => {
    const answer = await call('GET', '/v1/health');
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
  });

  it('config tells the web app where to sign in (cognito-local here) and which Stripe to use', async () => {
    const answer = await call('GET', '/v1/config');
    expect(answer.status).toBe(200);
    expect(answer.body.auth).toEqual({
      region: 'ap-northeast-1',
      userPoolId: cloud().userPoolId,
      clientId: cloud().clientId,
      endpoint: cloud().cognitoEndpoint,
    });
    expect(answer.body.stripe).toEqual({ publishableKey: expect.any(String), local: expect.any(Boolean) });
  });

  it('lists the 47 prefectures and a prefecture’s municipalities; an unknown code is 404', async () => {
    const prefectures = await call('GET', '/v1/regions/prefectures');
    expect(prefectures.body.items).toHaveLength(47);
    expect(prefectures.body.items[30]).toEqual({
      code: '31',
      name: '鳥取県',
      kana: 'とっとりけん',
      nameEn: 'Tottori',
    });

    const tottori = await call('GET', '/v1/regions/prefectures/31/municipalities');
    expect(tottori.status).toBe(200);
    expect(tottori.body.items).toContainEqual(
      expect.objectContaining({
        code: '31370',
        name: '湯梨浜町',
        nameEn: 'Yurihama-cho',
        prefectureCode: '31',
      }),
    );
    expect(tottori.body.items.every((m: { prefectureCode: string }) => m.prefectureCode === '31')).toBe(true);

    const unknown = await call('GET', '/v1/regions/prefectures/48/municipalities');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const malformed = await call('GET', '/v1/regions/prefectures/tottori/municipalities');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('path.code');
  });

  it('lists the wide-area groups with their member municipalities', async () => {
    const groups = await call('GET', '/v1/regions/groups');
    expect(groups.status).toBe(200);
    const amami = groups.body.items.find((g: { code: string }) => g.code === 'amami');
    expect(amami).toMatchObject({ name: '奄美群島', nameEn: 'Amami Islands', prefectureCode: '46' });
    expect(amami.municipalityCodes).toHaveLength(12);
    expect(amami.municipalityCodes).toContain('46222');
  });

  it('serves an OpenAPI 3.1 document generated from the route table and its schemas', async () => {
    const doc = (await call('GET', '/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/me',
        '/v1/regions/prefectures/{code}/municipalities',
        '/v1/admin/region-staff',
      ]),
    );
    const put = doc.paths['/v1/me'].put;
    expect(
      put.requestBody.content['application/json'].schema.oneOf ??
        put.requestBody.content['application/json'].schema.anyOf,
    ).toHaveLength(4);
    expect(doc.paths['/v1/health'].get.security).toEqual([]);
  });

  it('answers unknown API paths with 404 and sends security headers and CORS only for the web origin', async () => {
    expect((await call('GET', '/v1/nothing-here')).status).toBe(404);
    const res = await fetch(`${cloud().url}/v1/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
    const own = await fetch(`${cloud().url}/v1/health`, { headers: { origin: cloud().url } });
    expect(own.headers.get('access-control-allow-origin')).toBe(cloud().url);
    expect(own.headers.get('strict-transport-security')).toContain('max-age');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS preflights for the web origin only', async () => {
    const ask = (origin: string) =>
      fetch(`${cloud().url}/v1/me`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization',
        },
      });
    expect((await ask(cloud().url)).headers.get('access-control-allow-origin')).toBe(cloud().url);
    expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
