import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import qs from 'qs';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { callRoute, matchRoute } from './api.ts';
import { runDue } from './billing.ts';
import { handleControl, parseJson } from './control.ts';
import { Engine } from './engine.ts';
import { invalidRequest, StripeApiError } from './errors.ts';
import { newId } from './ids.ts';
import { handlePage } from './pages.ts';
import { debouncedSaver, loadData } from './state.ts';
import { WebhookSender } from './webhooks.ts';

/** The keys `npm start` and the tests give the product when it talks to the local Stripe. */
export const LOCAL_STRIPE_KEYS = {
  secretKey: 'sk_test_local_kakehashi',
  publishableKey: 'pk_test_local_kakehashi',
  webhookSecret: 'whsec_local_kakehashi',
} as const;

export type LocalStripeOptions = {
  /** 0: a free port. */
  port: number;
  /** Where browsers reach it (Checkout, onboarding, portal and invoice URLs); defaults to http://localhost:<port>. */
  publicUrl?: string;
  secretKey: string;
  webhookSecret: string;
  /** Where events are delivered; none: they are only recorded (`GET /_local/events`). */
  webhookUrl?: string;
  /** Keep objects, events and the clock in this JSON file between runs. */
  dataFile?: string;
  /** Webhook retry delays (ms), Stripe-like by default. */
  retryDelaysMs?: number[];
};

export type LocalStripe = {
  url: string;
  port: number;
  engine: Engine;
  webhooks: WebhookSender;
  /** An outage (tests): while on, every API request's connection is dropped unanswered, as a network failure. */
  outage: (on: boolean) => void;
  stop: () => Promise<void>;
};

const MAX_BODY = 1024 * 1024;
const IDEMPOTENT_KEYS_KEPT = 10_000;
/** Stripe catches up with time by itself; locally every half minute (and at each clock advance). */
const CATCH_UP_MS = 30_000;

type StoredAnswer = { fingerprint: string; status: number; body: string; requestId: string };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY
        ? reject(new StripeApiError(413, 'Request body too large.'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

const parseForm = (text: string) =>
  qs.parse(text, { arrayLimit: 100, depth: 10, parameterLimit: 2000 }) as Record<string, unknown>;

/** The API key from `Authorization: Bearer sk_…` (or Basic with the key as user name, which Stripe accepts too). */
function apiKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return bearer[1]?.trim();
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  return undefined;
}

/**
 * Starts the local Stripe: the `/v1` API the product's SDK talks to, the hosted pages, the `/_local`
 * controls, webhook delivery, and a clock that renews subscriptions.
 */
export async function startLocalStripe(options: LocalStripeOptions): Promise<LocalStripe> {
  const data = loadData(options.dataFile);
  const saver = debouncedSaver(options.dataFile, () => data);
  let publicUrl = options.publicUrl ?? '';
  const sender = new WebhookSender({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    data,
    changed: saver.changed,
    retryDelaysMs: options.retryDelaysMs,
  });
  const engine = new Engine(data, {
    get publicUrl() {
      return publicUrl;
    },
    changed: saver.changed,
    emitted: (event) => sender.enqueue(event),
    webhookEndpoints: () => sender.endpoints(),
  });
  const idempotent = new Map<string, StoredAnswer>();

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }

  function api(req: IncomingMessage, res: ServerResponse, url: URL, text: string) {
    const method = req.method ?? 'GET';
    const requestId = newId('req_', 14);
    const headers = { 'request-id': requestId, 'stripe-version': STRIPE_API_VERSION };
    const fail = (error: StripeApiError) => send(res, error.status, JSON.stringify(error.toJSON()), headers);

    const key = apiKey(req.headers.authorization);
    if (!key)
      return fail(
        new StripeApiError(
          401,
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        ),
      );
    if (key !== options.secretKey)
      return fail(
        new StripeApiError(
          401,
          `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
        ),
      );
    const version = req.headers['stripe-version'];
    if (typeof version === 'string' && version !== STRIPE_API_VERSION)
      return fail(
        invalidRequest(
          `The local Stripe speaks only API version ${STRIPE_API_VERSION} (the SDK's pin); this request asked for ${version}.`,
        ),
      );
    const match = matchRoute(method, url.pathname);
    if (!match)
      return fail(
        new StripeApiError(
          404,
          `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        ),
      );

    // Stripe replays the first answer to a POST for the same Idempotency-Key (the SDK sends one and reuses it on retry).
    const idempotencyKey = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    const idemKey = typeof idempotencyKey === 'string' && idempotencyKey !== '' ? idempotencyKey : undefined;
    const fingerprint = `${method} ${url.pathname} ${text}`;
    if (idemKey) {
      const stored = idempotent.get(idemKey);
      if (stored) {
        if (stored.fingerprint !== fingerprint)
          return fail(
            new StripeApiError(
              400,
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
              { type: 'idempotency_error' },
            ),
          );
        return send(res, stored.status, stored.body, {
          ...headers,
          'idempotent-replayed': 'true',
          'original-request': stored.requestId,
        });
      }
    }

    const stripeAccount = req.headers['stripe-account'];
    let status = 200;
    let body: string;
    let keep = true;
    try {
      const raw = parseForm(method === 'POST' ? text : url.search.slice(1));
      const result = callRoute(match, {
        engine,
        raw,
        request: { id: requestId, idempotencyKey: idemKey ?? null },
        stripeAccount: typeof stripeAccount === 'string' ? stripeAccount : undefined,
      });
      body = JSON.stringify(result);
    } catch (error) {
      const e =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, 'An unknown error occurred in the local Stripe.', { type: 'api_error' });
      if (!(error instanceof StripeApiError)) console.error('local Stripe:', error);
      status = e.status;
      body = JSON.stringify(e.toJSON());
      keep = !e.beforeExecution && status < 500;
    }
    if (idemKey && keep) {
      idempotent.set(idemKey, { fingerprint, status, body, requestId });
      if (idempotent.size > IDEMPOTENT_KEYS_KEPT) idempotent.delete(idempotent.keys().next().value ?? '');
    }
    send(res, status, body, headers);
  }

  let down = false;
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    if (url.pathname.startsWith('/v1/') && down) return void req.socket.destroy();
    if (url.pathname.startsWith('/v1/')) return api(req, res, url, text);
    if (url.pathname.startsWith('/_local/')) {
      const answer = handleControl(engine, sender, method, url.pathname, parseJson(text), url.searchParams);
      if (!answer) throw new StripeApiError(404, `Unrecognized request URL (${method}: ${url.pathname}).`);
      return send(res, answer.status, JSON.stringify(answer.body));
    }
    if (method === 'GET' || method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(method === 'POST' ? text : ''));
      const answer = handlePage(engine, method, url.pathname, form);
      if (answer && 'redirect' in answer) {
        res.writeHead(303, { location: answer.redirect, 'cache-control': 'no-store' });
        return res.end();
      }
      if (answer) {
        res.writeHead(answer.status, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        return res.end(answer.html);
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const e =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, 'An unknown error occurred in the local Stripe.', { type: 'api_error' });
      if (!(error instanceof StripeApiError)) console.error('local Stripe:', error);
      if (!res.headersSent) send(res, e.status, JSON.stringify(e.toJSON()));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  publicUrl ||= `http://localhost:${port}`;

  const catchUp = setInterval(() => {
    try {
      runDue(engine);
    } catch (error) {
      console.error('local Stripe: renewing subscriptions failed:', error);
    }
  }, CATCH_UP_MS);
  catchUp.unref();

  return {
    url: `http://localhost:${port}`,
    port,
    engine,
    webhooks: sender,
    outage: (on) => {
      down = on;
    },
    async stop() {
      clearInterval(catchUp);
      await sender.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      saver.flush();
    },
  };
}
