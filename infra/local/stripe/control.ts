import { advanceClock } from './billing.ts';
import { completeCheckoutSession } from './checkout.ts';
import { completeOnboarding } from './connect.ts';
import { setCard } from './customers.ts';
import { type Engine, NO_REQUEST } from './engine.ts';
import { invalidRequest } from './errors.ts';
import { isPlainObject } from './params.ts';
import type { TestCard } from './state.ts';
import { WebhookSender } from './webhooks.ts';

/**
 * `/_local/…`: what a test or a demo does that a real customer would do on Stripe's pages or that
 * only time would do. No authentication; JSON in and out; errors in Stripe's shape.
 */
export type ControlAnswer = { status: number; body: unknown };

const ok = (body: unknown): ControlAnswer => ({ status: 200, body });

function testCard(json: Record<string, unknown>): TestCard {
  if (json.card === 'succeeds' || json.card === 'declines') return json.card;
  throw invalidRequest('card must be "succeeds" or "declines"', 'card');
}

function wholeNumber(value: unknown, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
    throw invalidRequest(`${name} must be a whole number from 0 to ${max}`, name);
  return value;
}

export function handleControl(
  engine: Engine,
  sender: WebhookSender,
  method: string,
  path: string,
  json: Record<string, unknown>,
  query: URLSearchParams,
): ControlAnswer | undefined {
  let m = /^\/_local\/checkout_sessions\/([^/]+)\/complete$/.exec(path);
  if (m?.[1] && method === 'POST') {
    const email = typeof json.email === 'string' ? json.email : undefined;
    return ok(
      completeCheckoutSession(engine, engine.checkoutSession(m[1]), testCard(json), NO_REQUEST, email),
    );
  }
  m = /^\/_local\/accounts\/([^/]+)\/complete_onboarding$/.exec(path);
  if (m?.[1] && method === 'POST') return ok(completeOnboarding(engine, engine.account(m[1])));
  m = /^\/_local\/customers\/([^/]+)\/card$/.exec(path);
  if (m?.[1] && method === 'POST') {
    const customer = engine.customer(m[1]);
    const card = testCard(json);
    setCard(engine, customer, card);
    return ok({ customer: customer.id, card });
  }
  if (path === '/_local/clock/advance' && method === 'POST') {
    const months = wholeNumber(json.months, 'months', 120);
    const days = wholeNumber(json.days, 'days', 3650);
    if (months === undefined && days === undefined) throw invalidRequest('Give "months" or "days".');
    const customer = typeof json.customer === 'string' ? json.customer : undefined;
    const report = advanceClock(engine, { months, days, customer });
    return ok({
      ...report,
      iso: new Date(report.now * 1000).toISOString(),
      ...(customer ? { customer } : {}),
    });
  }
  if (path === '/_local/clock' && method === 'GET') {
    const customer = query.get('customer') ?? undefined;
    if (customer) engine.customer(customer);
    const now = engine.now(customer);
    return ok({ now, iso: new Date(now * 1000).toISOString(), ...(customer ? { customer } : {}) });
  }
  if (path === '/_local/events' && method === 'GET') {
    const type = query.get('type');
    const after = query.get('after');
    const tail = Number(query.get('tail') ?? 0);
    const start = after
      ? engine.data.events.findIndex((e) => e.id === after) + 1
      : tail > 0
        ? Math.max(0, engine.data.events.length - tail)
        : 0;
    const items = engine.data.events
      .slice(start)
      .filter((e) => !type || e.type === type)
      .map((event) => ({
        event,
        payload: WebhookSender.payload(event),
        delivery: engine.data.deliveries[event.id] ?? { status: 'skipped', attempts: [] },
      }));
    return ok({ webhooks: { enabled: sender.enabled }, items });
  }
  if (path === '/_local/webhooks' && method === 'POST') {
    if (typeof json.enabled !== 'boolean') throw invalidRequest('"enabled" must be true or false', 'enabled');
    const customer = typeof json.customer === 'string' ? engine.customer(json.customer).id : undefined;
    sender.setEnabled(json.enabled, customer);
    return ok({ enabled: customer ? json.enabled : sender.enabled, ...(customer ? { customer } : {}) });
  }
  if (path === '/_local/balances' && method === 'GET') return ok(engine.data.balances);
  return undefined;
}

export function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('The body is not JSON.');
  }
  if (!isPlainObject(value)) throw invalidRequest('The body must be a JSON object.');
  return value;
}
