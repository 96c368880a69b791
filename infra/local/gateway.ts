import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { type ErrorBody, TOO_MANY_REQUESTS } from '#shared/http/error-response.ts';
import { gatewayAuthorizes, type Route } from '#shared/http/route.ts';
import { TOKEN_CHECKS } from '#shared/http/verify-token.ts';
import { apiGatewayEvent } from './api-event.ts';
import { type Mailbox, MailRefused, REFUSALS, type RefusalReason } from './mailbox.ts';
import { clientKey, DEFAULT_RATE_LIMIT, type RateLimit, tokenBuckets } from './rate-limit.ts';
import { routeMatcher } from './route-matcher.ts';
import { serveWebApp, webSecurityHeaders } from './static-files.ts';

// biome-ignore lint/suspicious/noExplicitAny: a Lambda handler's event and result vary by trigger.
export type LambdaHandler = (event: any, context: Context) => Promise<any>;

export type GatewayOptions = {
  port: number;
  routes: Readonly<Record<string, Route>>;
  handlers: Map<string, LambdaHandler>;
  /** Functions the local cloud's other parts invoke through the Lambda API (cognito-local's triggers). */
  lambdas: Map<string, LambdaHandler>;
  auth: { issuer: string; audience: string };
  webDir: string;
  /** The only origin CORS preflights are answered for, as the HTTP API's CORS settings say. */
  webOrigin: string;
  mailbox: Mailbox;
  /** Runs a scheduled job at once (tests and demos): `POST /_local/schedules/{name}/run {"time"?, …input}`. */
  runSchedule?: (name: string, time?: string, input?: Record<string, unknown>) => Promise<unknown>;
  /** Stream records the consumers gave up on: `GET /_local/stream-failures` (the cloud's on-failure queues). */
  streamFailures?: readonly unknown[];
  /** How many invocations run at once; the rest wait in the gateway (default 32). */
  concurrency?: number;
  /**
   * Requests to the API (`/v1/…`) per client IP, a token bucket (default DEFAULT_RATE_LIMIT, generous); past
   * it a request is answered 429 with `Retry-After` before any function runs. `false`: no limit.
   */
  rateLimit?: RateLimit | false;
};

/**
 * Lambda runs each invocation in its own environment, up to the account's concurrency; here every handler
 * shares one process and one SDK socket pool, so a crowd (500 sign-ups at once) would wait inside handlers
 * for sockets until their timeouts fire. Invocations beyond the limit wait here instead, as a request waits
 * for a free environment, and a handler's 29-second clock starts when it is invoked.
 */
function invocationLimit(max: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(invoke: () => Promise<T>): Promise<T> => {
    while (running >= max) await new Promise<void>((go) => queue.push(go));
    running++;
    try {
      return await invoke();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

const MAX_PAYLOAD = 6 * 1024 * 1024; // Lambda's synchronous payload limit

export function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_PAYLOAD ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * On what the gateway answers itself (401, 404, 413, 429, preflights, the local endpoints): the security
 * headers a function's answer carries (@middy/http-security-headers, shared/http/api.ts), less those only a
 * document needs. In the cloud CloudFront's SECURITY_HEADERS policy adds them to every /v1 answer.
 */
const GATEWAY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...GATEWAY_HEADERS, 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The API Gateway HTTP API on one machine: same routes, same events, same JWT check. */
export async function startGateway(
  opts: GatewayOptions,
): Promise<{ server: Server; url: string; stop: () => Promise<void> }> {
  const match = routeMatcher(opts.routes);
  const limited = invocationLimit(opts.concurrency ?? 32);
  const jwks = createRemoteJWKSet(new URL(`${opts.auth.issuer}/.well-known/jwks.json`));
  const take = opts.rateLimit === false ? undefined : tokenBuckets(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  // The web app signs in at the pool's issuer (cognito-local here), so its CSP lets it connect there.
  const webHeaders = webSecurityHeaders(new URL(opts.auth.issuer).origin);

  async function verify(req: IncomingMessage): Promise<JWTPayload | undefined> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        ...TOKEN_CHECKS,
        issuer: opts.auth.issuer,
        audience: opts.auth.audience,
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    // The connection's address, as API Gateway's sourceIp: X-Forwarded-For is the client's to write.
    const verdict = take?.(clientKey(req.socket.remoteAddress));
    if (verdict && !verdict.allowed) {
      const body: ErrorBody = { error: TOO_MANY_REQUESTS };
      return sendJson(res, 429, body, { 'retry-after': String(verdict.retryAfterSeconds) });
    }
    const method = req.method ?? 'GET';
    const found = match(method, url.pathname);
    if (!found) {
      if (method === 'OPTIONS') return corsPreflight(req, res, opts);
      return sendJson(res, 404, { message: 'Not Found' });
    }
    const body = await readBody(req);
    if (!body) return sendJson(res, 413, { message: 'Request Entity Too Large' });
    let claims: JWTPayload | undefined;
    if (gatewayAuthorizes(found.route.access)) {
      claims = await verify(req);
      // What API Gateway's JWT authorizer answers, before any function runs.
      if (!claims) return sendJson(res, 401, { message: 'Unauthorized' });
    }
    const event = apiGatewayEvent({
      req,
      url,
      body,
      routeKey: found.key,
      pathParameters: found.pathParameters,
      claims,
    });
    const handler = opts.handlers.get(found.route.handler);
    if (!handler) return sendJson(res, 500, { message: 'Internal Server Error' });
    let result: APIGatewayProxyStructuredResultV2 | string | undefined;
    try {
      result = await limited(() => handler(event, lambdaContext(found.route.handler)));
    } catch (error) {
      console.error(`[gateway] ${found.key} threw`, error);
      return sendJson(res, 500, { message: 'Internal Server Error' });
    }
    if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
      return sendJson(res, 200, result);
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(result.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, headers);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
  }

  /** The Lambda Invoke API, for cognito-local's triggers. */
  async function invoke(req: IncomingMessage, res: ServerResponse, name: string) {
    const fn = opts.lambdas.get(name);
    if (!fn) return sendJson(res, 404, { Type: 'User', message: `Function not found: ${name}` });
    const payload = JSON.parse((await readBody(req))?.toString('utf8') || '{}');
    try {
      sendJson(res, 200, await fn(payload, lambdaContext(name)));
    } catch (error) {
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
      res.end(JSON.stringify({ errorMessage: (error as Error).message }));
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const work = (async () => {
      if (path.startsWith('/v1/')) return api(req, res, url);
      const lambda = /^\/_local\/lambda\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(path);
      if (lambda && req.method === 'POST') return invoke(req, res, decodeURIComponent(lambda[1] as string));
      if (path === '/_local/ses/v2/email/outbound-emails' && req.method === 'POST') {
        const body = await readBody(req);
        try {
          return sendJson(res, 200, opts.mailbox.accept(JSON.parse(body?.toString('utf8') || '{}')));
        } catch (error) {
          if (!(error instanceof MailRefused)) throw error;
          // SES v2's error shape: the error's name in x-amzn-ErrorType, its message in the body.
          return sendJson(
            res,
            error.refusal.status,
            { message: error.refusal.message },
            {
              'x-amzn-ErrorType': error.refusal.errorType,
            },
          );
        }
      }
      const refusal = /^\/_local\/mailbox\/refusals\/([^/]+)$/.exec(path);
      if (refusal && (req.method === 'PUT' || req.method === 'DELETE')) {
        const address = decodeURIComponent(refusal[1] as string);
        const { reason } = JSON.parse((await readBody(req))?.toString('utf8') || '{}') as { reason?: string };
        if (req.method === 'PUT' && !(reason && reason in REFUSALS))
          return sendJson(res, 400, { message: `reason is one of ${Object.keys(REFUSALS).join(', ')}` });
        opts.mailbox.refuse(address, req.method === 'PUT' ? (reason as RefusalReason) : undefined);
        return sendJson(res, 200, {
          address,
          refused: opts.mailbox.refusals.get(address.toLowerCase()) ?? null,
        });
      }
      const schedule = /^\/_local\/schedules\/([\w-]+)\/run$/.exec(path);
      if (schedule && req.method === 'POST' && opts.runSchedule) {
        const { time, ...input } = JSON.parse((await readBody(req))?.toString('utf8') || '{}') as {
          time?: string;
        };
        return sendJson(res, 200, { result: await opts.runSchedule(schedule[1] as string, time, input) });
      }
      if (path === '/_local/stream-failures' && req.method === 'GET') {
        return sendJson(res, 200, { items: opts.streamFailures ?? [] });
      }
      if (path === '/_local/mailbox' && req.method === 'GET') {
        return sendJson(res, 200, { items: opts.mailbox.list(url.searchParams.get('to') ?? undefined) });
      }
      if (req.method === 'GET' || req.method === 'HEAD')
        return serveWebApp(opts.webDir, path, res, webHeaders);
      return sendJson(res, 404, { message: 'Not Found' });
    })();
    work.catch((error) => {
      console.error('[gateway]', error);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    server,
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HTTP APIs answer CORS preflights themselves when CORS is configured; so does the local gateway. */
function corsPreflight(req: IncomingMessage, res: ServerResponse, opts: GatewayOptions) {
  if (req.headers.origin !== opts.webOrigin) {
    res.writeHead(204, GATEWAY_HEADERS);
    res.end();
    return;
  }
  res.writeHead(204, {
    ...GATEWAY_HEADERS,
    'access-control-allow-origin': opts.webOrigin,
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE',
    'access-control-allow-headers': 'authorization,content-type',
    'access-control-max-age': '600',
  });
  res.end();
}
