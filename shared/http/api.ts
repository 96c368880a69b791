import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { z } from 'zod';
import { config } from '../config.ts';
import { type User, users } from '../accounts/user.entity.ts';
import { type Caller, callerFrom, requireCaller } from './caller.ts';
import { errorResponse } from './error-response.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { Route } from './route.ts';
import { validate } from './validate.ts';
import { verifyBearer } from './verify-token.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type Request<R extends Route> = {
  body: Out<R['body']>;
  query: Out<R['query']>;
  params: Out<R['params']>;
  /** Set on every route that is not public (and on optional ones when the caller signed in). */
  caller: R['access'] extends 'public' | 'optional' ? Caller | undefined : Caller;
  /** The caller's profile, loaded when the route is limited to roles. */
  profile: R['access'] extends readonly unknown[] ? User : User | undefined;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
};

/** What a handler returns: a JSON body (status 200), or a full answer. */
export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; text: string; contentType: string; headers?: Record<string, string> };

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
export type Handler = (event: Event, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Builds a Lambda handler for one route of the route table: the shared middleware stack
 * (headers, JSON body, zod validation with field paths, the caller and their role, errors in one place,
 * CORS for the web origin only, security headers) around a thin handler.
 */
export function api<R extends Route>(route: R, handle: (request: Request<R>) => Promise<Reply>): Handler {
  const core = async (event: Event): Promise<APIGatewayProxyStructuredResultV2> => {
    let caller = callerFrom(event);
    if (route.access === 'optional' && !caller) {
      const claims = await verifyBearer(event.headers?.authorization);
      if (claims)
        caller = callerFrom({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as never);
    }
    let profile: User | undefined;
    if (route.access !== 'public' && route.access !== 'optional') requireCaller(caller);
    if (Array.isArray(route.access)) {
      profile = await users.get((caller as Caller).userId);
      if (!profile || !route.access.includes(profile.role)) throw new ForbiddenError();
    }
    const request = {
      body: route.body ? validate(route.body, event.body, 'body') : undefined,
      query: route.query ? validate(route.query, event.queryStringParameters ?? {}, 'query') : undefined,
      params: route.params ? validate(route.params, event.pathParameters ?? {}, 'path') : undefined,
      caller,
      profile,
      event,
    } as Request<R>;
    const reply = await handle(request);
    const headers = { 'cache-control': 'no-store', ...reply.headers };
    if ('json' in reply) {
      return {
        statusCode: reply.status ?? 200,
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: JSON.stringify(reply.json),
      };
    }
    return {
      statusCode: reply.status ?? 200,
      headers: { 'content-type': reply.contentType, ...headers },
      body: reply.text,
    };
  };

  const handler = middy<Event, APIGatewayProxyStructuredResultV2>(core)
    .use(httpHeaderNormalizer())
    .use(
      httpCors({ origins: [config().WEB_ORIGIN], credentials: false, headers: 'authorization,content-type' }),
    )
    .use(httpSecurityHeaders())
    .use({
      onError: async (request) => {
        request.response = errorResponse(request.error);
      },
    });
  if (route.body) handler.use(httpJsonBodyParser());
  return handler as unknown as Handler;
}
