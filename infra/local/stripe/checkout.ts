import type Stripe from 'stripe';
import { expireSession, startSubscription } from './billing.ts';
import { checkDestination } from './connect.ts';
import { type Engine, idOf, type RequestInfo } from './engine.ts';
import { cardDeclined, invalidRequest, StripeApiError } from './errors.ts';
import { newId } from './ids.ts';
import {
  checkoutLineItemObject,
  checkoutSessionObject,
  customerObject,
  priceObject,
  productObject,
} from './objects.ts';
import { confirmPaymentIntent, createPaymentIntent } from './payments.ts';
import type { CheckoutRequest, TestCard } from './state.ts';

/** Checkout Sessions in `subscription` and `payment` mode, paid on the hosted test page. */

type PriceData = {
  currency: 'jpy';
  unit_amount: number;
  product_data: { name: string; description?: string; metadata?: Record<string, string> | '' };
  recurring?: { interval: 'month'; interval_count?: number };
};

export type CheckoutSessionCreate = {
  mode: 'payment' | 'subscription';
  line_items: { price_data: PriceData; quantity: number }[];
  customer?: string;
  customer_email?: string;
  success_url: string;
  cancel_url?: string;
  client_reference_id?: string;
  locale?: 'auto' | 'ja' | 'en';
  metadata?: Record<string, string> | '';
  payment_method_types?: 'card'[];
  expires_at?: number;
  subscription_data?: {
    transfer_data?: { destination: string };
    application_fee_percent?: number;
    metadata?: Record<string, string> | '';
    description?: string;
  };
  payment_intent_data?: {
    transfer_data?: { destination: string; amount?: number };
    application_fee_amount?: number;
    metadata?: Record<string, string> | '';
    description?: string;
  };
};

const MIN_JPY = 50; // Stripe's smallest JPY charge

function checkUrl(url: string | undefined, param: string) {
  if (url === undefined) return;
  try {
    new URL(url);
  } catch {
    throw invalidRequest('Not a valid URL', param, 'url_invalid');
  }
}

export function createCheckoutSession(engine: Engine, p: CheckoutSessionCreate): Stripe.Checkout.Session {
  if (p.customer && p.customer_email)
    throw invalidRequest(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
      'parameters_exclusive',
    );
  const customer = p.customer ? engine.customer(p.customer, 'customer') : undefined;
  checkUrl(p.success_url, 'success_url');
  checkUrl(p.cancel_url, 'cancel_url');
  if (p.line_items.length === 0) throw invalidRequest('Invalid array', 'line_items');
  const recurring = p.line_items.filter((l) => l.price_data.recurring);
  if (p.mode === 'subscription' && recurring.length !== p.line_items.length)
    throw invalidRequest(
      'The local Stripe needs every line item of a `subscription` mode session to be recurring (price_data[recurring][interval]=month).',
      'line_items',
    );
  if (p.mode === 'payment' && recurring.length > 0)
    throw invalidRequest(
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      'line_items',
    );
  if (p.mode === 'payment' && p.subscription_data)
    throw invalidRequest('You can not pass `subscription_data` in `payment` mode.', 'subscription_data');
  if (p.mode === 'subscription' && p.payment_intent_data)
    throw invalidRequest(
      'You can not pass `payment_intent_data` in `subscription` mode.',
      'payment_intent_data',
    );
  const total = p.line_items.reduce((sum, l) => sum + l.price_data.unit_amount * l.quantity, 0);
  if (total < MIN_JPY)
    throw invalidRequest(
      `The Checkout Session's total amount due must add up to at least ¥${MIN_JPY}`,
      'line_items',
      'amount_too_small',
    );

  const sd = p.subscription_data;
  if (sd?.transfer_data)
    checkDestination(engine, sd.transfer_data.destination, 'subscription_data[transfer_data][destination]');
  if (sd?.application_fee_percent !== undefined && !sd.transfer_data)
    throw invalidRequest(
      'Can only apply an application_fee_percent when the subscription has transfer_data (the local Stripe has no Stripe-Account header).',
      'subscription_data[application_fee_percent]',
    );
  const pd = p.payment_intent_data;
  if (pd?.transfer_data)
    checkDestination(engine, pd.transfer_data.destination, 'payment_intent_data[transfer_data][destination]');
  if (pd?.application_fee_amount !== undefined && !pd.transfer_data)
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      'payment_intent_data[application_fee_amount]',
    );
  if (pd?.application_fee_amount !== undefined && pd.application_fee_amount > total)
    throw invalidRequest(
      'The application fee cannot exceed the amount.',
      'payment_intent_data[application_fee_amount]',
    );
  if (pd?.transfer_data?.amount !== undefined && pd.transfer_data.amount > total)
    throw invalidRequest(
      'The transfer amount cannot exceed the amount.',
      'payment_intent_data[transfer_data][amount]',
    );

  const now = engine.now(customer?.id);
  if (p.expires_at !== undefined && (p.expires_at < now + 1800 || p.expires_at > now + 86_400))
    throw invalidRequest(
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      'expires_at',
    );

  const lineItems: CheckoutRequest['lineItems'] = p.line_items.map((l) => {
    const product = productObject(now, {
      name: l.price_data.product_data.name,
      description: l.price_data.product_data.description,
      metadata: l.price_data.product_data.metadata || {},
    });
    const price = priceObject(now, {
      product: product.id,
      currency: l.price_data.currency,
      unitAmount: l.price_data.unit_amount,
      monthly: Boolean(l.price_data.recurring),
    });
    engine.data.products[product.id] = product;
    engine.data.prices[price.id] = price;
    return { id: newId('li_'), price: price.id, quantity: l.quantity };
  });

  const id = newId('cs_test_', 58);
  const session = checkoutSessionObject(now, {
    id,
    url: `${engine.publicUrl}/checkout/${id}`,
    mode: p.mode,
    amountTotal: total,
    customer: customer?.id ?? null,
    customerEmail: p.customer_email ?? null,
    successUrl: p.success_url,
    cancelUrl: p.cancel_url ?? null,
    clientReferenceId: p.client_reference_id ?? null,
    locale: p.locale ?? null,
    metadata: p.metadata || {},
    expiresAt: p.expires_at ?? now + 86_400,
  });
  engine.data.checkoutSessions[id] = session;
  engine.data.checkoutRequests[id] = {
    lineItems,
    ...(sd
      ? {
          subscriptionData: {
            destination: sd.transfer_data?.destination,
            applicationFeePercent: sd.application_fee_percent,
            metadata: sd.metadata || {},
            description: sd.description,
          },
        }
      : {}),
    ...(pd
      ? {
          paymentIntentData: {
            destination: pd.transfer_data?.destination,
            transferAmount: pd.transfer_data?.amount,
            applicationFeeAmount: pd.application_fee_amount,
            metadata: pd.metadata || {},
            description: pd.description,
          },
        }
      : {}),
  };
  engine.changed();
  return session;
}

/** The session's line items (`expand[]=line_items`, `GET /v1/checkout/sessions/{id}/line_items`). */
export function checkoutLineItems(engine: Engine, session: string): Stripe.LineItem[] {
  const request = engine.data.checkoutRequests[session];
  return (request?.lineItems ?? []).flatMap((l) => {
    const price = engine.data.prices[l.price];
    if (!price) return [];
    const product = engine.data.products[idOf(price.product) ?? ''];
    return [
      checkoutLineItemObject({ id: l.id, price, quantity: l.quantity, description: product?.name ?? '' }),
    ];
  });
}

/** Throws unless the session can still be paid; expires it first when its time has passed. */
export function assertOpen(engine: Engine, session: Stripe.Checkout.Session): void {
  if (session.status === 'open' && session.expires_at <= engine.now(idOf(session.customer)))
    expireSession(engine, session, { id: null, idempotencyKey: null });
  if (session.status === 'complete') throw invalidRequest('This Checkout Session is already complete.');
  if (session.status !== 'open') throw invalidRequest('This Checkout Session has expired.');
}

/**
 * Paying on the hosted page with a test card. A decline leaves the session open (and changes nothing);
 * success creates the customer if needed, then the subscription and its paid first invoice, or the
 * paid PaymentIntent, and finally `checkout.session.completed`.
 */
export function completeCheckoutSession(
  engine: Engine,
  session: Stripe.Checkout.Session,
  card: TestCard,
  request: RequestInfo,
  email?: string,
): Stripe.Checkout.Session {
  assertOpen(engine, session);
  if (card === 'declines') throw cardDeclined();
  const checkout = engine.data.checkoutRequests[session.id];
  if (!checkout)
    throw new StripeApiError(500, 'The session lost what it was created with.', { type: 'api_error' });

  let customer = session.customer ? engine.customer(idOf(session.customer) ?? '') : undefined;
  if (!customer) {
    customer = customerObject(engine.now(), {
      email: session.customer_email ?? email ?? 'customer@example.com',
    });
    engine.data.customers[customer.id] = customer;
  }
  engine.data.cards[customer.id] = card;
  customer.invoice_settings.default_payment_method ??= newId('pm_');
  const now = engine.now(customer.id);
  const lines = checkout.lineItems.flatMap((l) => {
    const price = engine.data.prices[l.price];
    return price ? [{ price, quantity: l.quantity }] : [];
  });

  session.customer = customer.id;
  session.customer_details = {
    address: null,
    business_name: null,
    email: customer.email,
    individual_name: null,
    name: customer.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.status = 'complete';
  session.payment_status = 'paid';
  session.url = null;

  if (session.mode === 'subscription') {
    const { subscription, invoice } = startSubscription(engine, {
      customer,
      lines,
      data: checkout.subscriptionData,
      request,
    });
    session.subscription = subscription.id;
    session.invoice = invoice.id;
  } else {
    const pd = checkout.paymentIntentData;
    const pi = createPaymentIntent(engine, now, {
      customer: customer.id,
      amount: session.amount_total ?? 0,
      applicationFeeAmount: pd?.applicationFeeAmount ?? null,
      destination: pd?.destination ?? null,
      transferAmount: pd?.transferAmount ?? null,
      description: pd?.description ?? null,
      metadata: { ...pd?.metadata },
    });
    confirmPaymentIntent(engine, pi, now);
    session.payment_intent = pi.id;
    engine.emit('payment_intent.succeeded', pi, { request, customer: customer.id });
  }
  engine.changed();
  engine.emit('checkout.session.completed', session, { request, customer: customer.id });
  return session;
}
