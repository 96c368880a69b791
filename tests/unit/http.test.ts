import httpJsonBodyParser from '@middy/http-json-body-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '#shared/domain/errors.ts';
import { errorResponse } from '#shared/http/error-response.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { validate } from '#shared/http/validate.ts';

const body = (r: { body?: string }) => JSON.parse(r.body ?? '{}');

describe('errors become responses in one place', () => {
  it('domain errors keep their status, code and message', () => {
    expect(errorResponse(new NotFoundError('No such project.'))).toMatchObject({ statusCode: 404 });
    expect(body(errorResponse(new ConflictError('Already applied.', 'already_applied')))).toEqual({
      error: { code: 'already_applied', message: 'Already applied.' },
    });
  });

  it('body parser failures are 400 malformed_json and 415; throttling 429; an unreachable database 503', () => {
    expect(errorResponse(Object.assign(new Error('x'), { statusCode: 422 })).statusCode).toBe(400);
    expect(errorResponse(Object.assign(new Error('x'), { statusCode: 415 })).statusCode).toBe(415);
    expect(errorResponse(Object.assign(new Error('x'), { name: 'ThrottlingException' })).statusCode).toBe(
      429,
    );
    expect(errorResponse(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).statusCode).toBe(503);
    expect(errorResponse(Object.assign(new Error('t'), { name: 'TimeoutError' })).statusCode).toBe(503);
  });

  it('a body with a __proto__ key is a 400 naming the body, as middy’s parser refuses it', () => {
    let refused: unknown;
    try {
      const event = { headers: { 'content-type': 'application/json' }, body: '{"shares":{"__proto__":{}}}' };
      httpJsonBodyParser().before?.({ event } as never);
    } catch (error) {
      refused = error;
    }
    const answer = errorResponse(refused);
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body as string).error).toMatchObject({
      code: 'forbidden_key',
      fields: [{ path: 'body' }],
    });
  });

  it('anything else is a 500 that leaks nothing', () => {
    const leaked = errorResponse(new Error('secret table name kakehashi-prod at /var/task/index.mjs:1'));
    expect(leaked.statusCode).toBe(500);
    expect(leaked.body).not.toContain('secret');
    expect(leaked.body).not.toContain('/var/task');
  });
});

describe('validate', () => {
  it('names every wrong field by its path', () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      address: z.object({ zip: z.string().regex(/^\d{7}$/) }),
    });
    try {
      validate(schema, { name: '', address: { zip: 'abc' }, extra: 1 }, 'body');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).fields?.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.address.zip', 'body']));
    }
  });
});

describe('openApiDocument', () => {
  it('describes each route with its parameters, body, access and error shape', () => {
    const doc = openApiDocument(
      {
        'GET /v1/things/{id}': {
          handler: 'things/get',
          access: 'public',
          tag: 'things',
          summary: 'A thing',
          params: z.object({ id: z.string() }),
        },
        'POST /v1/things': {
          handler: 'things/create',
          access: ['firm'],
          tag: 'things',
          summary: 'Make one',
          body: z.object({ title: z.string() }),
        },
      },
      { title: 't', version: '1' },
    );
    const get = doc.paths['/v1/things/{id}']?.get as Record<string, any>;
    expect(get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(get.security).toEqual([]);
    const post = doc.paths['/v1/things']?.post as Record<string, any>;
    expect(post.description).toContain('firm');
    expect(post.requestBody.content['application/json'].schema.properties.title).toEqual({ type: 'string' });
    expect(post.responses['4XX']).toBeDefined();
  });
});
