import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Stripe from 'stripe';

/** Which test card a customer pays with: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 declines. */
export type TestCard = 'succeeds' | 'declines';

/** What a Checkout Session was created with that the Session object itself does not carry. */
export type CheckoutRequest = {
  /** `li_…` ids and the prices made from `price_data` when the session was created. */
  lineItems: { id: string; price: string; quantity: number }[];
  subscriptionData?: {
    destination?: string;
    applicationFeePercent?: number;
    metadata: Record<string, string>;
    description?: string;
  };
  paymentIntentData?: {
    destination?: string;
    transferAmount?: number;
    applicationFeeAmount?: number;
    metadata: Record<string, string>;
    description?: string;
  };
};

export type AccountLinkRecord = {
  link: Stripe.AccountLink;
  account: string;
  refreshUrl: string | null;
  returnUrl: string | null;
  used: boolean;
};

export type DeliveryAttempt = {
  /** Real time of the attempt (ISO). */
  at: string;
  /** The `Stripe-Signature` header sent, so a test can verify it against the payload. */
  signature: string;
  status?: number;
  error?: string;
  ms: number;
};

export type Delivery = {
  /** `skipped`: created while delivery was paused (`POST /_local/webhooks {"enabled":false}`). */
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: DeliveryAttempt[];
};

/** Everything the local Stripe knows, as saved to `dataFile`. Objects are kept in creation order. */
export type StripeData = {
  version: 1;
  /** The local clock: real time + `offset` seconds; a customer's own test clock adds its entry. */
  clock: { offset: number; customers: Record<string, number> };
  customers: Record<string, Stripe.Customer>;
  cards: Record<string, TestCard>;
  products: Record<string, Stripe.Product>;
  prices: Record<string, Stripe.Price>;
  checkoutSessions: Record<string, Stripe.Checkout.Session>;
  checkoutRequests: Record<string, CheckoutRequest>;
  subscriptions: Record<string, Stripe.Subscription>;
  invoices: Record<string, Stripe.Invoice>;
  invoicePayments: Record<string, Stripe.InvoicePayment>;
  paymentIntents: Record<string, Stripe.PaymentIntent>;
  charges: Record<string, Stripe.Charge>;
  refunds: Record<string, Stripe.Refund>;
  /** Transfers the platform sent to connected accounts (`POST /v1/transfers`: separate charges and transfers). */
  transfers: Record<string, Stripe.Transfer>;
  accounts: Record<string, Stripe.Account>;
  accountLinks: Record<string, AccountLinkRecord>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  /**
   * Available balances: what each connected account was sent (destination charges net of the platform's
   * fee, and transfers), and what the platform kept (fees, charges to the platform, less its transfers).
   */
  balances: { accounts: Record<string, number>; platform: number };
  invoiceSequence: number;
  events: Stripe.Event[];
  deliveries: Record<string, Delivery>;
};

export function emptyData(): StripeData {
  return {
    version: 1,
    clock: { offset: 0, customers: {} },
    customers: {},
    cards: {},
    products: {},
    prices: {},
    checkoutSessions: {},
    checkoutRequests: {},
    subscriptions: {},
    invoices: {},
    invoicePayments: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    transfers: {},
    accounts: {},
    accountLinks: {},
    portalSessions: {},
    balances: { accounts: {}, platform: 0 },
    invoiceSequence: 0,
    events: [],
    deliveries: {},
  };
}

export function loadData(file: string | undefined): StripeData {
  if (!file || !existsSync(file)) return emptyData();
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<StripeData>;
  return { ...emptyData(), ...saved };
}

/** Saves at most every `delayMs` after a change, atomically (a crash never leaves half a file). */
export function debouncedSaver(file: string | undefined, data: () => StripeData, delayMs = 200) {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(data()));
    renameSync(`${file}.tmp`, file);
  };
  return {
    changed() {
      if (file && !timer) timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
