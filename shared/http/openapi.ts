import * as z from '../zod-mini.ts';
import { type RouteDescription, type Schema, splitRouteKey } from './route.ts';

const ErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const schema = (s: Schema, io: 'input' | 'output') => {
  const { $schema, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** The OpenAPI 3.1 document of a route table: paths, parameters, bodies, answers and who may call. */
export function openApiDocument(
  routes: Readonly<Record<string, RouteDescription>>,
  info: { title: string; version: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, route] of Object.entries(routes)) {
    const { method, path } = splitRouteKey(key);
    const parameters: unknown[] = [];
    for (const [where, s] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!s) continue;
      const json = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || json.required?.includes(name),
          schema: prop,
        });
      }
    }
    const access = route.access;
    // A DELETE that names no response answers 204 with no body.
    const empty = method === 'DELETE' && !route.response && !route.produces;
    const responses: Record<string, unknown> = {
      [method === 'POST' ? '201' : empty ? '204' : '200']: {
        description: 'Success',
        ...(empty
          ? {}
          : {
              content: route.produces
                ? { [route.produces]: { schema: { type: 'string' } } }
                : { 'application/json': { schema: route.response ? schema(route.response, 'output') : {} } },
            }),
      },
      '4XX': {
        description: 'Refused: see error.code',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    };
    const operations = paths[path] ?? {};
    paths[path] = operations;
    operations[method.toLowerCase()] = {
      operationId: route.handler.replaceAll('/', '.'),
      summary: route.summary,
      tags: [route.tag],
      description:
        access === 'public'
          ? 'Public.'
          : access === 'optional'
            ? 'Public; a signed-in caller (Bearer token) may see more, e.g. their own drafts.'
            : access === 'signedIn'
              ? 'Any signed-in user.'
              : `Signed-in users with the role: ${access.join(', ')}.`,
      ...(access === 'public'
        ? { security: [] }
        : access === 'optional'
          ? { security: [{}, { cognito: [] }] }
          : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito ID token)' },
      },
    },
    security: [{ cognito: [] }],
    paths,
  };
}
