import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';

/**
 * Where a request's time goes inside the local gateway, read from Node's own HTTP diagnostics channels, so the
 * product and the local cloud stay as they are:
 *  - the gateway's time: from the request's headers read to the answer's last byte written
 *    (`http.server.request.start` → `http.server.response.finish`), which holds the route match, the JWT check,
 *    the wait for a free invocation, the handler, and writing the answer;
 *  - inside it, the time spent waiting on DynamoDB Local and on the local SES (the handlers' SDK clients call them
 *    over node:http: `http.client.request.start` → `http.client.response.finish`, the answer's headers). Each call
 *    is charged to the request that made it by an AsyncLocalStorage entered as the request starts; calls made by
 *    nobody's request (the stream poller and its consumers) are counted apart.
 * The handler's own time cannot be told from the gateway's this way (the handlers are called inside
 * infra/local/gateway.ts with no hook), so they are one figure here.
 */

export type Kind = string;

/** What one kind of request spent, summed over its requests. */
export type ServerTotals = {
  requests: number;
  serverMs: number;
  dynamoMs: number;
  dynamoCalls: number;
  mailMs: number;
};

type Open = { kind: Kind; start: number; dynamoMs: number; dynamoCalls: number; mailMs: number };

const zero = (): ServerTotals => ({ requests: 0, serverMs: 0, dynamoMs: 0, dynamoCalls: 0, mailMs: 0 });

/**
 * Starts listening. `kindOf` names a request to the gateway's API (or undefined to leave it out); `dynamoPort`
 * tells DynamoDB Local's calls from the others. `take()` returns the totals since the last `take()`.
 */
export function serverTimes(opts: {
  gatewayPort: number;
  dynamoPort: number;
  kindOf: (method: string, path: string) => Kind | undefined;
}) {
  const current = new AsyncLocalStorage<Open>();
  const open = new WeakMap<ServerResponse, Open>();
  const calls = new WeakMap<ClientRequest, { start: number; to: 'dynamo' | 'mail' | undefined; by?: Open }>();
  let totals = new Map<Kind, ServerTotals>();
  let background = { dynamoMs: 0, dynamoCalls: 0 };

  subscribe('http.server.request.start', (message) => {
    const { request, response, server } = message as {
      request: IncomingMessage;
      response: ServerResponse;
      server: { address(): { port: number } | string | null };
    };
    const address = server.address();
    if (typeof address !== 'object' || address?.port !== opts.gatewayPort) return;
    const path = (request.url ?? '').split('?')[0] as string;
    const kind = opts.kindOf(request.method ?? 'GET', path);
    if (!kind) return;
    const entry: Open = { kind, start: performance.now(), dynamoMs: 0, dynamoCalls: 0, mailMs: 0 };
    open.set(response, entry);
    // Published just before the server emits 'request', in the same turn: what the gateway then does, and
    // every SDK call its handler makes, runs in this context.
    current.enterWith(entry);
  });
  subscribe('http.server.response.finish', (message) => {
    const { response } = message as { response: ServerResponse };
    const entry = open.get(response);
    if (!entry) return;
    open.delete(response);
    const t = totals.get(entry.kind) ?? zero();
    t.requests++;
    t.serverMs += performance.now() - entry.start;
    t.dynamoMs += entry.dynamoMs;
    t.dynamoCalls += entry.dynamoCalls;
    t.mailMs += entry.mailMs;
    totals.set(entry.kind, t);
  });
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    const host = String(request.getHeader('host') ?? '');
    const to = host.endsWith(`:${opts.dynamoPort}`)
      ? 'dynamo'
      : host.endsWith(`:${opts.gatewayPort}`) && request.path.startsWith('/_local/ses/')
        ? 'mail'
        : undefined;
    calls.set(request, { start: performance.now(), to, by: current.getStore() });
  });
  subscribe('http.client.response.finish', (message) => {
    const { request } = message as { request: ClientRequest };
    const call = calls.get(request);
    if (!call?.to) return;
    calls.delete(request);
    const ms = performance.now() - call.start;
    if (!call.by) {
      if (call.to === 'dynamo') {
        background.dynamoMs += ms;
        background.dynamoCalls++;
      }
      return;
    }
    if (call.to === 'dynamo') {
      call.by.dynamoMs += ms;
      call.by.dynamoCalls++;
    } else call.by.mailMs += ms;
  });

  return {
    take() {
      const out = { byKind: totals, background };
      totals = new Map();
      background = { dynamoMs: 0, dynamoCalls: 0 };
      return out;
    },
  };
}
