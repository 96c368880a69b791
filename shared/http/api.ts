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
import type { User } from '../accounts/user.entity.ts';
import { flushBusinessMetrics } from '../business-metrics.ts';
import { config } from '../config.ts';
import { logContext } from '../logger.ts';
import { type Caller, callerFrom } from './caller.ts';
import { errorResponse } from './error-response.ts';
import type { Route, Schema } from './route.ts';
import { validate } from './validate.ts';

type Out<S> = S extends Schema ? z.output<S> : undefined;

export type Request<R extends Route> = {
  body: Out<R['body']>;
  query: Out<R['query']>;
  params: Out<R['params']>;
  /** Set on every route that is not public (and on optional ones when the caller signed in). */
  caller: R['access'] extends 'public' | 'optional' ? Caller | undefined : Caller;
  /**
   * The caller's profile: always there on a route limited to roles (./role-api.ts); on signed-in and optional
   * routes when the caller has one (./signed-in-api.ts, ./optional-api.ts). Public routes read none.
   */
  profile: R['access'] extends readonly unknown[]
    ? User
    : R['access'] extends 'public'
      ? undefined
      : User | undefined;
  event: Event;
};

/** The JSON a route answers with: what its line's response schema accepts. */
export type JsonOf<R extends Route> = R['response'] extends Schema ? z.input<R['response']> : never;

/** What a handler returns: a JSON body (status 200) typed by the route's response schema, or a full answer. */
export type Reply<R extends Route> =
  | { status?: number; json: JsonOf<R>; headers?: Record<string, string> }
  | { status?: number; text: string; contentType: string; headers?: Record<string, string> };

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
export type Handler = (event: Event, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Who is calling, before the input is read: the caller, and the profile where the route needs one. */
export type Identify = (
  route: Route,
  event: Event,
) => Promise<{ caller: Caller | undefined; profile?: User | undefined }>;

/** Public routes: the claims, if any, are all there is to know (the profile is never read). */
const fromClaims: Identify = async (_route, event) => ({ caller: callerFrom(event) });

/**
 * Builds a Lambda handler for one line: the shared middleware stack (headers, JSON body, zod validation with
 * field paths, who is calling, errors in one place, CORS for the web origin only, security headers) around a
 * thin handler. `identify` is the one part that differs by access; each kind lives in its own module so that
 * a public function carries neither the database client nor the token verifier.
 */
export function httpApi<R extends Route>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
  identify: Identify,
): Handler {
  const answer = async (event: Event): Promise<APIGatewayProxyStructuredResultV2> => {
    const { caller, profile } = await identify(route, event);
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
  // Every log line of the invocation names it (Lambda's and API Gateway's request ids); the business events
  // it counted are written before it answers, whether it succeeded or not.
  const core = async (event: Event, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    logContext(context, { apiRequestId: event.requestContext?.requestId });
    try {
      return await answer(event);
    } finally {
      await flushBusinessMetrics();
    }
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

/**
 * A handler for a public line. Signed-in lines use `signedInApi` (./signed-in-api.ts), which reads the profile
 * for the suspension check: this module stays free of the database client, for the public functions' sake.
 */
export function api<R extends Route & { access: 'public' }>(
  route: R,
  handle: (request: Request<R>) => Promise<Reply<R>>,
): Handler {
  return httpApi(route, handle, fromClaims);
}
