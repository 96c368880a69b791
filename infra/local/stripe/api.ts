import type Stripe from 'stripe';
import {
  cancelSubscription,
  expireSession,
  payInvoice,
  subscriptionOf,
  updateSubscription,
} from './billing.ts';
import { checkoutLineItems, createCheckoutSession } from './checkout.ts';
import { balance, createAccount, createAccountLink } from './connect.ts';
import { createCustomer, createPortalSession, updateCustomer } from './customers.ts';
import { type Engine, idOf, type RequestInfo } from './engine.ts';
import { invalidParameter, invalidRequest, noSuch } from './errors.ts';
import { expandAnswer } from './expand.ts';
import { list } from './objects.ts';
import {
  array,
  boolean,
  decimal,
  emptyable,
  expand,
  type Field,
  integer,
  isPlainObject,
  metadata,
  object,
  oneOf,
  type Parsed,
  parseParams,
  required,
  type Shape,
  string,
} from './params.ts';
import { createRefund } from './payments.ts';
import { createTransfer } from './transfers.ts';

/**
 * The part of Stripe's API the product uses, `/v1/…`, each endpoint with the parameters it accepts
 * (anything else is refused) and the `expand[]` paths it can follow.
 */

export type ApiCall = {
  engine: Engine;
  /** The request's parameters as `qs` parsed them (body for POST, query string otherwise). */
  raw: Record<string, unknown>;
  /** The path's ids, in order. */
  ids: string[];
  request: RequestInfo;
  /** The `Stripe-Account` header (only `GET /v1/balance` takes it). */
  stripeAccount: string | undefined;
};

type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  handle: (call: ApiCall) => unknown;
  stripeAccount?: boolean;
};

/** Declares an endpoint: its parameters are checked against `shape` before `handle` runs. */
function endpoint<S extends Shape>(
  method: Route['method'],
  path: string,
  shape: S,
  handle: (p: Parsed<S>, call: ApiCall, id: string) => unknown,
  options: { stripeAccount?: boolean } = {},
): Route {
  const pattern = new RegExp(`^${path.replaceAll('{id}', '([^/]+)')}$`);
  return {
    method,
    path: pattern,
    handle: (call) => handle(parseParams(shape, call.raw), call, call.ids[0] ?? ''),
    ...options,
  };
}

const page = { limit: integer({ min: 1, max: 100 }), starting_after: string(), ending_before: string() };

/** A page of a list that is kept newest first, by Stripe's cursors. */
function paginate<T extends { id: string }>(
  items: T[],
  p: { limit?: number; starting_after?: string; ending_before?: string },
  url: string,
): Stripe.ApiList<T> {
  const limit = p.limit ?? 10;
  if (p.starting_after !== undefined && p.ending_before !== undefined)
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.');
  if (p.ending_before !== undefined) {
    const end = items.findIndex((i) => i.id === p.ending_before);
    if (end < 0) throw noSuch('object', p.ending_before, 'ending_before');
    const start = Math.max(0, end - limit);
    return list(items.slice(start, end), url, start > 0);
  }
  let start = 0;
  if (p.starting_after !== undefined) {
    const after = items.findIndex((i) => i.id === p.starting_after);
    if (after < 0) throw noSuch('object', p.starting_after, 'starting_after');
    start = after + 1;
  }
  return list(items.slice(start, start + limit), url, start + limit < items.length);
}

const newestFirst = <T>(table: Record<string, T>) => Object.values(table).reverse();

/** `created=…` or `created[gte]=…` (also gt, lt, lte). */
const createdFilter = (): Field<(t: number) => boolean> => ({
  required: false,
  parse(value, param) {
    if (typeof value === 'string') {
      const at = integer().parse(value, param);
      return (t) => t === at;
    }
    const range = object({ gt: integer(), gte: integer(), lt: integer(), lte: integer() }).parse(
      value,
      param,
    );
    return (t) =>
      (range.gt === undefined || t > range.gt) &&
      (range.gte === undefined || t >= range.gte) &&
      (range.lt === undefined || t < range.lt) &&
      (range.lte === undefined || t <= range.lte);
  },
});

const customerFields = {
  email: string({ max: 512 }),
  name: string({ max: 256 }),
  description: string({ max: 350 }),
  phone: string({ max: 20 }),
  metadata: metadata(),
  preferred_locales: array(string({ max: 10 }), { max: 10 }),
  expand: expand(),
};

const priceData = object({
  currency: required(oneOf('jpy')),
  unit_amount: required(integer({ min: 0, max: 99_999_999 })),
  product_data: required(
    object({ name: required(string({ max: 250 })), description: string({ max: 500 }), metadata: metadata() }),
  ),
  recurring: object({ interval: required(oneOf('month')), interval_count: integer({ min: 1, max: 1 }) }),
});

const checkoutSessionCreate = {
  mode: required(oneOf('payment', 'subscription')),
  line_items: required(
    array(
      object({ price_data: required(priceData), quantity: required(integer({ min: 1, max: 999_999 })) }),
      {
        max: 20,
      },
    ),
  ),
  customer: string(),
  customer_email: string({ max: 800 }),
  success_url: required(string({ max: 5000 })),
  cancel_url: string({ max: 5000 }),
  client_reference_id: string({ max: 200 }),
  locale: oneOf('auto', 'ja', 'en'),
  metadata: metadata(),
  payment_method_types: array(oneOf('card')),
  expires_at: integer(),
  subscription_data: object({
    transfer_data: object({ destination: required(string()) }),
    application_fee_percent: decimal({ min: 0, max: 100 }),
    metadata: metadata(),
    description: string({ max: 500 }),
  }),
  payment_intent_data: object({
    transfer_data: object({ destination: required(string()), amount: integer({ min: 0 }) }),
    application_fee_amount: integer({ min: 0 }),
    metadata: metadata(),
    description: string({ max: 1000 }),
  }),
  expand: expand(),
};

const only = { expand: expand() };

const SUBSCRIPTION_STATUSES = ['active', 'past_due', 'canceled', 'all', 'ended'] as const;

export const routes: Route[] = [
  // Customers
  endpoint('POST', '/v1/customers', customerFields, (p, { engine }) => {
    return expandAnswer(engine, createCustomer(engine, p), p.expand);
  }),
  endpoint('GET', '/v1/customers/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.customer(id), p.expand),
  ),
  endpoint('POST', '/v1/customers/{id}', customerFields, (p, { engine }, id) =>
    expandAnswer(engine, updateCustomer(engine, engine.customer(id), p), p.expand),
  ),

  // Checkout Sessions
  endpoint('POST', '/v1/checkout/sessions', checkoutSessionCreate, (p, { engine }) =>
    expandAnswer(engine, createCheckoutSession(engine, p), p.expand),
  ),
  endpoint('GET', '/v1/checkout/sessions/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.checkoutSession(id), p.expand),
  ),
  endpoint('GET', '/v1/checkout/sessions/{id}/line_items', { ...page, ...only }, (p, { engine }, id) => {
    engine.checkoutSession(id);
    return expandAnswer(
      engine,
      paginate(checkoutLineItems(engine, id), p, `/v1/checkout/sessions/${id}/line_items`),
      p.expand,
    );
  }),
  endpoint('POST', '/v1/checkout/sessions/{id}/expire', only, (p, { engine, request }, id) =>
    expandAnswer(engine, expireSession(engine, engine.checkoutSession(id), request), p.expand),
  ),

  // Subscriptions
  endpoint('GET', '/v1/subscriptions/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.subscription(id), p.expand),
  ),
  endpoint(
    'GET',
    '/v1/subscriptions',
    { customer: string(), status: oneOf(...SUBSCRIPTION_STATUSES), ...page, ...only },
    (p, { engine }) => {
      const wanted = (s: Stripe.Subscription) =>
        p.status === 'all'
          ? true
          : p.status === 'ended'
            ? s.status === 'canceled' || s.status === 'incomplete_expired'
            : p.status
              ? s.status === p.status
              : s.status !== 'canceled' && s.status !== 'incomplete_expired';
      const items = newestFirst(engine.data.subscriptions).filter(
        (s) => (p.customer === undefined || idOf(s.customer) === p.customer) && wanted(s),
      );
      return expandAnswer(engine, paginate(items, p, '/v1/subscriptions'), p.expand);
    },
  ),
  endpoint(
    'POST',
    '/v1/subscriptions/{id}',
    {
      pause_collection: emptyable(object({ behavior: required(oneOf('void')) })),
      cancel_at_period_end: boolean(),
      cancel_at: emptyable(integer({ min: 0 })),
      proration_behavior: oneOf('create_prorations', 'none', 'always_invoice'),
      metadata: metadata(),
      ...only,
    },
    (p, { engine, request }, id) =>
      expandAnswer(engine, updateSubscription(engine, engine.subscription(id), p, request), p.expand),
  ),
  endpoint('DELETE', '/v1/subscriptions/{id}', only, (p, { engine, request }, id) =>
    expandAnswer(engine, cancelSubscription(engine, engine.subscription(id), request), p.expand),
  ),

  // Invoices
  endpoint('GET', '/v1/invoices/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.invoice(id), p.expand),
  ),
  endpoint(
    'GET',
    '/v1/invoices',
    {
      customer: string(),
      subscription: string(),
      status: oneOf('draft', 'open', 'paid', 'void', 'uncollectible'),
      created: createdFilter(),
      ...page,
      ...only,
    },
    (p, { engine }) => {
      const items = newestFirst(engine.data.invoices).filter(
        (i) =>
          (p.customer === undefined || idOf(i.customer) === p.customer) &&
          (p.subscription === undefined || subscriptionOf(i) === p.subscription) &&
          (p.status === undefined || i.status === p.status) &&
          (p.created === undefined || p.created(i.created)),
      );
      return expandAnswer(engine, paginate(items, p, '/v1/invoices'), p.expand);
    },
  ),
  endpoint('POST', '/v1/invoices/{id}/pay', only, (p, { engine, request }, id) =>
    expandAnswer(engine, payInvoice(engine, engine.invoice(id), request), p.expand),
  ),
  endpoint('GET', '/v1/invoice_payments', { invoice: string(), ...page, ...only }, (p, { engine }) => {
    const items = newestFirst(engine.data.invoicePayments).filter(
      (i) => p.invoice === undefined || idOf(i.invoice) === p.invoice,
    );
    return expandAnswer(engine, paginate(items, p, '/v1/invoice_payments'), p.expand);
  }),
  endpoint('GET', '/v1/invoice_payments/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.data.invoicePayments[id] ?? thrown(noSuch('invoice_payment', id)), p.expand),
  ),

  // Payments
  endpoint('GET', '/v1/payment_intents/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.paymentIntent(id), p.expand),
  ),
  endpoint('GET', '/v1/charges/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.charge(id), p.expand),
  ),
  endpoint(
    'POST',
    '/v1/refunds',
    {
      payment_intent: string(),
      charge: string(),
      amount: integer({ min: 1 }),
      reason: oneOf('duplicate', 'fraudulent', 'requested_by_customer'),
      metadata: metadata(),
      reverse_transfer: boolean(),
      ...only,
    },
    (p, { engine, request }) => expandAnswer(engine, createRefund(engine, p, request), p.expand),
  ),
  endpoint('GET', '/v1/refunds/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.data.refunds[id] ?? thrown(noSuch('refund', id)), p.expand),
  ),

  // Connect
  endpoint(
    'POST',
    '/v1/accounts',
    {
      type: required(oneOf('express')),
      country: string({ max: 2 }),
      email: string({ max: 800 }),
      business_type: oneOf('individual', 'company', 'non_profit', 'government_entity'),
      capabilities: object({
        card_payments: object({ requested: boolean() }),
        transfers: object({ requested: boolean() }),
      }),
      metadata: metadata(),
      ...only,
    },
    (p, { engine }) => expandAnswer(engine, createAccount(engine, p), p.expand),
  ),
  endpoint('GET', '/v1/accounts/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.account(id), p.expand),
  ),
  endpoint(
    'POST',
    '/v1/account_links',
    {
      account: required(string()),
      type: required(oneOf('account_onboarding')),
      refresh_url: required(string({ max: 5000 })),
      return_url: required(string({ max: 5000 })),
      ...only,
    },
    (p, { engine }) => expandAnswer(engine, createAccountLink(engine, p), p.expand),
  ),
  endpoint(
    'POST',
    '/v1/transfers',
    {
      amount: required(integer({ min: 1 })),
      currency: required(oneOf('jpy')),
      destination: required(string()),
      source_transaction: string(),
      transfer_group: string(),
      description: string(),
      metadata: metadata(),
      ...only,
    },
    (p, { engine, request }) => expandAnswer(engine, createTransfer(engine, p, request), p.expand),
  ),
  endpoint('GET', '/v1/transfers/{id}', only, (p, { engine }, id) =>
    expandAnswer(engine, engine.transfer(id), p.expand),
  ),
  endpoint(
    'GET',
    '/v1/transfers',
    { destination: string(), transfer_group: string(), created: createdFilter(), ...page, ...only },
    (p, { engine }) => {
      const items = newestFirst(engine.data.transfers).filter(
        (t) =>
          (p.destination === undefined || idOf(t.destination) === p.destination) &&
          (p.transfer_group === undefined || t.transfer_group === p.transfer_group) &&
          (p.created === undefined || p.created(t.created)),
      );
      return expandAnswer(engine, paginate(items, p, '/v1/transfers'), p.expand);
    },
  ),
  endpoint(
    'GET',
    '/v1/balance',
    only,
    (p, { engine, stripeAccount }) => expandAnswer(engine, balance(engine, stripeAccount), p.expand),
    { stripeAccount: true },
  ),

  // Billing portal
  endpoint(
    'POST',
    '/v1/billing_portal/sessions',
    {
      customer: required(string()),
      return_url: string({ max: 5000 }),
      locale: oneOf('auto', 'ja', 'en'),
      ...only,
    },
    (p, { engine }) => expandAnswer(engine, createPortalSession(engine, p), p.expand),
  ),

  // Events
  endpoint('GET', '/v1/events/{id}', only, (p, { engine }, id) =>
    expandAnswer(
      engine,
      live(engine, engine.data.events.find((e) => e.id === id) ?? thrown(noSuch('event', id))),
      p.expand,
    ),
  ),
  endpoint(
    'GET',
    '/v1/events',
    { type: string(), types: array(string(), { max: 20 }), created: createdFilter(), ...page, ...only },
    (p, { engine }) => {
      if (p.type !== undefined && p.types !== undefined)
        throw invalidRequest('You may only specify one of these parameters: type, types.', 'types');
      const matches = (pattern: string, type: string) =>
        pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
      const wanted = p.types ?? (p.type === undefined ? undefined : [p.type]);
      const items = [...engine.data.events]
        .reverse()
        .filter(
          (e) =>
            (wanted === undefined || wanted.some((w) => matches(w, e.type))) &&
            (p.created === undefined || p.created(e.created)),
        )
        .map((e) => live(engine, e));
      return expandAnswer(engine, paginate(items, p, '/v1/events'), p.expand);
    },
  ),
];

/** An event as `GET /v1/events` shows it: `pending_webhooks` counts the deliveries still under way. */
function live(engine: Engine, event: Stripe.Event): Stripe.Event {
  return { ...event, pending_webhooks: engine.data.deliveries[event.id]?.status === 'pending' ? 1 : 0 };
}

function thrown(error: Error): never {
  throw error;
}

export type RouteMatch = { route: Route; ids: string[] } | undefined;

export function matchRoute(method: string, pathname: string): RouteMatch {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.path.exec(pathname);
    if (m) return { route, ids: m.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

/** Runs an endpoint; the `Stripe-Account` header is refused where the local Stripe would ignore it. */
export function callRoute(match: NonNullable<RouteMatch>, call: Omit<ApiCall, 'ids'>): unknown {
  if (call.stripeAccount !== undefined && !match.route.stripeAccount)
    throw invalidParameter(
      'Stripe-Account',
      'The local Stripe does not act on behalf of connected accounts here (Stripe-Account header).',
    );
  if (!isPlainObject(call.raw)) throw invalidRequest('Invalid request body');
  return match.route.handle({ ...call, ids: match.ids });
}
