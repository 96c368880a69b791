import type Stripe from 'stripe';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { noSuch } from './errors.ts';
import { newId } from './ids.ts';
import type { StripeData, TestCard } from './state.ts';

/** The API request that caused an event (`event.request`): none for the clock, the pages and `/_local`. */
export type RequestInfo = { id: string | null; idempotencyKey: string | null };
export const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

export type EngineOptions = {
  publicUrl: string;
  /** After every change of the data (it is then saved, debounced). */
  changed: () => void;
  /** After an event is recorded (it is then queued for delivery). */
  emitted: (event: Stripe.Event) => void;
  /** Endpoints an event will be sent to: `pending_webhooks` at creation. */
  webhookEndpoints: () => number;
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The local Stripe's state and the few things every operation needs: the clock, lookups that fail in
 * Stripe's words, and events. Operations live in their own modules (checkout, billing, connect…) and
 * run synchronously, so each API call is atomic.
 */
export class Engine {
  readonly data: StripeData;
  private readonly options: EngineOptions;

  constructor(data: StripeData, options: EngineOptions) {
    this.data = data;
    this.options = options;
  }

  /** Where browsers reach the hosted pages (known once the server listens). */
  get publicUrl(): string {
    return this.options.publicUrl;
  }

  private frozenReal: number | undefined;

  /** Unix seconds on the local clock; a customer with its own test clock sees its own time. */
  now(customer?: string | null): number {
    const real = this.frozenReal ?? Math.floor(Date.now() / 1000);
    const global = real + this.data.clock.offset;
    return global + (customer ? (this.data.clock.customers[customer] ?? 0) : 0);
  }

  /** The real time stands still while `run` moves the local clock step by step (the test clock). */
  frozen<T>(run: (real: number) => T): T {
    if (this.frozenReal !== undefined) return run(this.frozenReal);
    this.frozenReal = Math.floor(Date.now() / 1000);
    try {
      return run(this.frozenReal);
    } finally {
      this.frozenReal = undefined;
    }
  }

  changed(): void {
    this.options.changed();
  }

  /** Records an event whose `data.object` is a snapshot of the object now, and queues its delivery. */
  emit<T extends Stripe.Event.Type>(
    type: T,
    object: EventOf<T>['data']['object'],
    options: {
      request?: RequestInfo;
      previous?: EventOf<T>['data']['previous_attributes'];
      /** For events about a connected account (Connect webhooks carry `account`). */
      account?: string;
      customer?: string | null;
    } = {},
  ): Stripe.Event {
    const request = options.request ?? NO_REQUEST;
    const event = {
      id: newId('evt_'),
      object: 'event',
      ...(options.account ? { account: options.account } : {}),
      api_version: STRIPE_API_VERSION,
      created: this.now(options.customer),
      data: {
        object: clone(object),
        ...(options.previous ? { previous_attributes: clone(options.previous) } : {}),
      },
      livemode: false,
      pending_webhooks: this.options.webhookEndpoints(),
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
      // The signature above ties `object` and `previous` to the event type; TypeScript cannot follow it here.
    } as unknown as EventOf<T>;
    this.data.events.push(event);
    this.changed();
    this.options.emitted(event);
    return event;
  }

  customer(id: string, param?: string): Stripe.Customer {
    return this.data.customers[id] ?? throwNoSuch('customer', id, param);
  }

  subscription(id: string, param?: string): Stripe.Subscription {
    return this.data.subscriptions[id] ?? throwNoSuch('subscription', id, param);
  }

  invoice(id: string, param?: string): Stripe.Invoice {
    return this.data.invoices[id] ?? throwNoSuch('invoice', id, param);
  }

  paymentIntent(id: string, param?: string): Stripe.PaymentIntent {
    return this.data.paymentIntents[id] ?? throwNoSuch('payment_intent', id, param);
  }

  charge(id: string, param?: string): Stripe.Charge {
    return this.data.charges[id] ?? throwNoSuch('charge', id, param);
  }

  transfer(id: string, param?: string): Stripe.Transfer {
    return this.data.transfers[id] ?? throwNoSuch('transfer', id, param);
  }

  account(id: string, param?: string): Stripe.Account {
    return this.data.accounts[id] ?? throwNoSuch('account', id, param);
  }

  checkoutSession(id: string, param?: string): Stripe.Checkout.Session {
    return this.data.checkoutSessions[id] ?? throwNoSuch('checkout.session', id, param);
  }

  /** The card on file: a customer who never paid has the card that succeeds. */
  card(customer: string): TestCard {
    return this.data.cards[customer] ?? 'succeeds';
  }

  /** The payment method id that stands for the customer's test card. */
  paymentMethod(customer: string): string {
    const pm = this.customer(customer).invoice_settings.default_payment_method;
    return typeof pm === 'string' ? pm : (pm?.id ?? 'pm_card_visa');
  }

  /** Any stored object by its id's prefix: what `expand[]` resolves. */
  byId(id: string): { object: string } | undefined {
    const d = this.data;
    const tables: [string, Record<string, { object: string }>][] = [
      ['cus_', d.customers],
      ['sub_', d.subscriptions],
      ['in_', d.invoices],
      ['inpay_', d.invoicePayments],
      ['pi_', d.paymentIntents],
      ['ch_', d.charges],
      ['re_', d.refunds],
      ['tr_', d.transfers],
      ['acct_', d.accounts],
      ['cs_', d.checkoutSessions],
      ['price_', d.prices],
      ['prod_', d.products],
    ];
    for (const [prefix, table] of tables) if (id.startsWith(prefix)) return table[id];
    return undefined;
  }
}

function throwNoSuch(kind: string, id: string, param?: string): never {
  throw noSuch(kind, id, param);
}

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

export { clone };
