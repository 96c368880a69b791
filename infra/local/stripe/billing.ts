import type Stripe from 'stripe';
import { clone, type Engine, idOf, NO_REQUEST, type RequestInfo } from './engine.ts';
import { cardDeclined, invalidRequest } from './errors.ts';
import { newId } from './ids.ts';
import {
  invoiceLineObject,
  invoiceObject,
  invoicePaymentObject,
  subscriptionItemObject,
  subscriptionObject,
} from './objects.ts';
import { confirmPaymentIntent, createPaymentIntent } from './payments.ts';
import { addDays, addMonths, nextPeriodEnd } from './period.ts';
import type { CheckoutRequest } from './state.ts';

/**
 * Subscriptions and their invoices: the first invoice when a Checkout Session completes, one per
 * renewal on the local clock (paid, failed or voided while paused), paying an open invoice later,
 * pausing and cancelling. Events go out in the order Stripe sends them.
 */

/** The current period, which this API version keeps on the subscription's items. */
export function periodOf(sub: Stripe.Subscription): { start: number; end: number } {
  const item = sub.items.data[0];
  return {
    start: item?.current_period_start ?? sub.start_date,
    end: item?.current_period_end ?? sub.start_date,
  };
}

export function subscriptionOf(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

export function invoicePaymentOf(engine: Engine, invoice: string): Stripe.InvoicePayment | undefined {
  return Object.values(engine.data.invoicePayments).find((p) => idOf(p.invoice) === invoice);
}

/** The platform's fee on an invoice, in whole yen: the percentage kept in hundredths to stay exact. */
export function applicationFee(total: number, percent: number): number {
  return Math.round((total * Math.round(percent * 100)) / 10_000);
}

function productName(engine: Engine, price: Stripe.Price): string {
  const product = idOf(price.product);
  return (product && engine.data.products[product]?.name) || 'Subscription';
}

function createInvoice(
  engine: Engine,
  sub: Stripe.Subscription,
  billingReason: 'subscription_create' | 'subscription_cycle',
  invoicePeriod: { start: number; end: number },
  now: number,
  /** The share of a full period billed (below 1: the last, shortened period of a subscription cancelling in it). */
  share = 1,
): Stripe.Invoice {
  const customer = engine.customer(idOf(sub.customer) ?? '');
  const id = newId('in_');
  const lines = sub.items.data.map((item) =>
    invoiceLineObject(
      { invoice: id, subscription: sub, item, productName: productName(engine, item.price), share },
      { start: item.current_period_start, end: item.current_period_end },
    ),
  );
  const invoice = invoiceObject(now, {
    id,
    customer,
    subscription: sub,
    billingReason,
    period: invoicePeriod,
    lines,
  });
  engine.data.invoices[id] = invoice;
  sub.latest_invoice = id;
  engine.changed();
  return invoice;
}

/** Numbers the invoice, gives it its hosted page and the PaymentIntent that will collect it. */
function finalizeInvoice(
  engine: Engine,
  invoice: Stripe.Invoice,
  sub: Stripe.Subscription,
  now: number,
): void {
  const customer = engine.customer(idOf(invoice.customer) ?? '');
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  invoice.ending_balance = 0;
  invoice.hosted_invoice_url = `${engine.publicUrl}/invoices/${invoice.id}`;
  if (invoice.amount_due > 0) {
    const pi = createPaymentIntent(engine, now, {
      customer: customer.id,
      amount: invoice.amount_due,
      applicationFeeAmount:
        sub.application_fee_percent === null
          ? null
          : applicationFee(invoice.amount_due, sub.application_fee_percent),
      destination: idOf(sub.transfer_data?.destination),
      transferAmount: null,
      description:
        invoice.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
      metadata: {},
    });
    const payment = invoicePaymentObject(now, {
      invoice: invoice.id,
      paymentIntent: pi.id,
      amount: invoice.amount_due,
    });
    engine.data.invoicePayments[payment.id] = payment;
  }
  engine.changed();
}

/** Charges the customer's card for an open invoice: `invoice.paid` + `invoice.payment_succeeded`, or `invoice.payment_failed`. */
function attemptPayment(engine: Engine, invoice: Stripe.Invoice, now: number, request: RequestInfo): boolean {
  const customer = engine.customer(idOf(invoice.customer) ?? '');
  const payment = invoicePaymentOf(engine, invoice.id);
  const pi = payment ? engine.paymentIntent(idOf(payment.payment.payment_intent) ?? '') : undefined;
  invoice.attempt_count += 1;
  invoice.attempted = true;
  const paid = pi ? confirmPaymentIntent(engine, pi, now) : true;
  if (paid) {
    invoice.status = 'paid';
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.status_transitions.paid_at = now;
    invoice.next_payment_attempt = null;
    if (payment) {
      payment.status = 'paid';
      payment.amount_paid = invoice.amount_due;
      payment.status_transitions.paid_at = now;
    }
    customer.delinquent = false;
    engine.changed();
    const options = { request, customer: customer.id };
    engine.emit('invoice.paid', invoice, options);
    engine.emit('invoice.payment_succeeded', invoice, options);
  } else {
    customer.delinquent = true;
    engine.changed();
    engine.emit('invoice.payment_failed', invoice, { request, customer: customer.id });
  }
  return paid;
}

function setStatus(
  engine: Engine,
  sub: Stripe.Subscription,
  status: Stripe.Subscription.Status,
  request: RequestInfo,
) {
  if (sub.status === status) return;
  const previous = { status: sub.status };
  sub.status = status;
  engine.changed();
  engine.emit('customer.subscription.updated', sub, { previous, request, customer: idOf(sub.customer) });
}

/** After a payment: back to active when the latest invoice is paid (or none is left open). */
function afterPayment(
  engine: Engine,
  sub: Stripe.Subscription,
  invoice: Stripe.Invoice,
  request: RequestInfo,
) {
  if (sub.status !== 'past_due') return;
  const open = Object.values(engine.data.invoices).some(
    (i) => i.status === 'open' && subscriptionOf(i) === sub.id,
  );
  if (idOf(sub.latest_invoice) === invoice.id || !open) setStatus(engine, sub, 'active', request);
}

/**
 * What a completed subscription-mode Checkout Session creates: the subscription (active, its period
 * from now to a month later), its first invoice (finalized and paid by the card already accepted).
 */
export function startSubscription(
  engine: Engine,
  p: {
    customer: Stripe.Customer;
    lines: { price: Stripe.Price; quantity: number }[];
    data: CheckoutRequest['subscriptionData'];
    request: RequestInfo;
  },
): { subscription: Stripe.Subscription; invoice: Stripe.Invoice } {
  const now = engine.now(p.customer.id);
  const id = newId('sub_');
  const end = nextPeriodEnd(now, now);
  const items = p.lines.map((line) =>
    subscriptionItemObject(now, {
      subscription: id,
      price: line.price,
      quantity: line.quantity,
      periodStart: now,
      periodEnd: end,
    }),
  );
  const sub = subscriptionObject(now, {
    id,
    customer: p.customer.id,
    items,
    destination: p.data?.destination ?? null,
    applicationFeePercent: p.data?.applicationFeePercent ?? null,
    metadata: { ...p.data?.metadata },
    description: p.data?.description ?? null,
    defaultPaymentMethod: engine.paymentMethod(p.customer.id),
  });
  engine.data.subscriptions[id] = sub;
  const invoice = createInvoice(engine, sub, 'subscription_create', { start: now, end: now }, now);
  const options = { request: p.request, customer: p.customer.id };
  engine.emit('customer.subscription.created', sub, options);
  engine.emit('invoice.created', invoice, options);
  finalizeInvoice(engine, invoice, sub, now);
  engine.emit('invoice.finalized', invoice, options);
  attemptPayment(engine, invoice, now, p.request);
  return { subscription: sub, invoice };
}

export type SubscriptionUpdate = {
  pause_collection?: { behavior: 'void' } | '';
  cancel_at_period_end?: boolean;
  /** A moment to cancel at (`''` takes it back); past the current period, the last period is prorated. */
  cancel_at?: number | '';
  proration_behavior?: 'create_prorations' | 'none' | 'always_invoice';
  metadata?: Record<string, string> | '';
};

/** Pause or resume collection, cancel at period end (or take it back), change metadata. */
export function updateSubscription(
  engine: Engine,
  sub: Stripe.Subscription,
  p: SubscriptionUpdate,
  request: RequestInfo,
): Stripe.Subscription {
  if (
    sub.status === 'canceled' &&
    (p.pause_collection !== undefined || p.cancel_at_period_end !== undefined || p.cancel_at !== undefined)
  )
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  const customer = idOf(sub.customer);
  const now = engine.now(customer);
  const previous: Partial<Stripe.Subscription> = {};

  if (p.pause_collection !== undefined) {
    const next =
      p.pause_collection === '' ? null : { behavior: p.pause_collection.behavior, resumes_at: null };
    if (JSON.stringify(next) !== JSON.stringify(sub.pause_collection)) {
      previous.pause_collection = sub.pause_collection;
      sub.pause_collection = next;
    }
  }
  if (p.cancel_at_period_end !== undefined && p.cancel_at_period_end !== sub.cancel_at_period_end) {
    previous.cancel_at_period_end = sub.cancel_at_period_end;
    previous.cancel_at = sub.cancel_at;
    previous.canceled_at = sub.canceled_at;
    previous.cancellation_details = clone(sub.cancellation_details);
    sub.cancel_at_period_end = p.cancel_at_period_end;
    sub.cancel_at = p.cancel_at_period_end ? periodOf(sub).end : null;
    sub.canceled_at = p.cancel_at_period_end ? now : null;
    sub.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: p.cancel_at_period_end ? 'cancellation_requested' : null,
    };
  }
  if (p.cancel_at !== undefined) {
    const at = p.cancel_at === '' ? null : p.cancel_at;
    if (at !== null && at <= now) throw invalidRequest('cancel_at must be in the future.', 'cancel_at');
    if (at !== sub.cancel_at || sub.cancel_at_period_end) {
      previous.cancel_at = sub.cancel_at;
      previous.cancel_at_period_end = sub.cancel_at_period_end;
      previous.canceled_at = sub.canceled_at;
      previous.cancellation_details = clone(sub.cancellation_details);
      sub.cancel_at = at;
      sub.cancel_at_period_end = false;
      sub.canceled_at = at === null ? null : now;
      sub.cancellation_details = {
        comment: null,
        feedback: null,
        feedback_option: null,
        reason: at === null ? null : 'cancellation_requested',
      };
    }
  }
  if (p.metadata !== undefined) {
    const next: Record<string, string> = p.metadata === '' ? {} : { ...sub.metadata };
    if (p.metadata !== '')
      for (const [key, value] of Object.entries(p.metadata)) {
        if (value === '') delete next[key];
        else next[key] = value;
      }
    if (JSON.stringify(next) !== JSON.stringify(sub.metadata)) {
      previous.metadata = sub.metadata;
      sub.metadata = next;
    }
  }
  if (Object.keys(previous).length > 0) {
    engine.changed();
    engine.emit('customer.subscription.updated', sub, { previous, request, customer });
  }
  return sub;
}

/** Cancels at once (`DELETE /v1/subscriptions/{id}`): `customer.subscription.deleted`. */
export function cancelSubscription(engine: Engine, sub: Stripe.Subscription, request: RequestInfo) {
  if (sub.status === 'canceled')
    throw invalidRequest(`The subscription ${sub.id} has already been canceled.`);
  const customer = idOf(sub.customer);
  const now = engine.now(customer);
  sub.status = 'canceled';
  sub.canceled_at = now;
  sub.ended_at = now;
  sub.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: 'cancellation_requested',
  };
  engine.changed();
  engine.emit('customer.subscription.deleted', sub, { request, customer });
  return sub;
}

/** `POST /v1/invoices/{id}/pay`: collects an open invoice with the customer's card now on file. */
export function payInvoice(engine: Engine, invoice: Stripe.Invoice, request: RequestInfo): Stripe.Invoice {
  if (invoice.status === 'paid')
    throw invalidRequest('Invoice is already paid', undefined, 'invoice_not_open');
  if (invoice.status !== 'open')
    throw invalidRequest(
      `You cannot pay an invoice with status ${invoice.status}.`,
      undefined,
      'invoice_not_open',
    );
  const customer = idOf(invoice.customer);
  const now = engine.now(customer);
  const subId = subscriptionOf(invoice);
  const sub = subId ? engine.subscription(subId) : undefined;
  if (attemptPayment(engine, invoice, now, request)) {
    if (sub) afterPayment(engine, sub, invoice, request);
    return invoice;
  }
  throw cardDeclined();
}

/**
 * The end of a period: cancels a subscription set to cancel at period end; otherwise starts the next
 * period and bills it (voided while collection is paused, charged otherwise; a decline makes it past_due).
 */
export function renewSubscription(
  engine: Engine,
  sub: Stripe.Subscription,
): { invoice?: string; canceled?: string } {
  const customer = idOf(sub.customer) ?? '';
  const now = engine.now(customer);
  const options = { customer };
  const period = periodOf(sub);
  if (sub.cancel_at_period_end || (sub.cancel_at !== null && sub.cancel_at <= period.end)) {
    sub.status = 'canceled';
    sub.ended_at = period.end;
    sub.canceled_at ??= now;
    sub.cancellation_details = {
      comment: sub.cancellation_details?.comment ?? null,
      feedback: sub.cancellation_details?.feedback ?? null,
      feedback_option: sub.cancellation_details?.feedback_option ?? null,
      reason: 'cancellation_requested',
    };
    engine.changed();
    engine.emit('customer.subscription.deleted', sub, options);
    return { canceled: sub.id };
  }

  const previous: Partial<Stripe.Subscription> = {
    items: clone(sub.items),
    latest_invoice: sub.latest_invoice,
  };
  const full = nextPeriodEnd(sub.billing_cycle_anchor, period.end);
  // Cancelling within the coming period: it ends there, and is billed for the part it runs (a proration).
  const end = sub.cancel_at !== null && sub.cancel_at < full ? sub.cancel_at : full;
  for (const item of sub.items.data) {
    item.current_period_start = period.end;
    item.current_period_end = end;
  }
  const invoice = createInvoice(
    engine,
    sub,
    'subscription_cycle',
    period,
    now,
    (end - period.end) / (full - period.end),
  );
  engine.emit('customer.subscription.updated', sub, { ...options, previous });
  engine.emit('invoice.created', invoice, options);

  if (sub.pause_collection) {
    // Collection paused with behavior "void": the invoice exists for the record, nobody pays it.
    finalizeInvoice(engine, invoice, sub, now);
    invoice.status = 'void';
    invoice.amount_remaining = 0;
    invoice.status_transitions.voided_at = now;
    engine.changed();
    engine.emit('invoice.voided', invoice, options);
    return { invoice: invoice.id };
  }
  finalizeInvoice(engine, invoice, sub, now);
  engine.emit('invoice.finalized', invoice, options);
  if (attemptPayment(engine, invoice, now, NO_REQUEST)) afterPayment(engine, sub, invoice, NO_REQUEST);
  else if (sub.status === 'active') setStatus(engine, sub, 'past_due', NO_REQUEST);
  return { invoice: invoice.id };
}

export type ClockAdvance = { months?: number; days?: number; customer?: string };
export type ClockReport = { now: number; invoices: string[]; canceled: string[]; expiredSessions: string[] };

/**
 * Moves the local clock (or one customer's) forward, and on the way renews every subscription whose
 * period ends, in time order, with the clock set to that moment so events carry it.
 */
export function advanceClock(engine: Engine, p: ClockAdvance): ClockReport {
  return engine.frozen((real) => {
    const clock = engine.data.clock;
    if (p.customer) engine.customer(p.customer, 'customer');
    const from = engine.now(p.customer);
    const target = addDays(addMonths(from, p.months ?? 0), p.days ?? 0);
    const setTime = (time: number) => {
      if (p.customer) clock.customers[p.customer] = time - (real + clock.offset);
      else clock.offset = time - real;
      engine.changed();
    };
    const report = runUntil(engine, target, p.customer, (time) => {
      if (time > engine.now(p.customer)) setTime(time);
    });
    setTime(target);
    return { ...report, now: target };
  });
}

/** Catches up with real time: what Stripe does by itself as days pass. */
export function runDue(engine: Engine): ClockReport {
  return engine.frozen(() => ({ ...runUntil(engine, engine.now(), undefined, () => {}), now: engine.now() }));
}

function runUntil(
  engine: Engine,
  target: number,
  customer: string | undefined,
  moveTo: (time: number) => void,
): Omit<ClockReport, 'now'> {
  const report: Omit<ClockReport, 'now'> = { invoices: [], canceled: [], expiredSessions: [] };
  const clock = engine.data.clock;
  // A subscription's period end on the clock being moved: the customer's, or the global one.
  const dueAt = (sub: Stripe.Subscription) => {
    const owner = idOf(sub.customer) ?? '';
    return periodOf(sub).end - (customer ? 0 : (clock.customers[owner] ?? 0));
  };
  for (let step = 0; step < 100_000; step++) {
    let next: { sub: Stripe.Subscription; at: number } | undefined;
    for (const sub of Object.values(engine.data.subscriptions)) {
      if (sub.status !== 'active' && sub.status !== 'past_due') continue;
      if (customer && idOf(sub.customer) !== customer) continue;
      const at = dueAt(sub);
      if (at <= target && (!next || at < next.at)) next = { sub, at };
    }
    if (!next) break;
    moveTo(next.at);
    const done = renewSubscription(engine, next.sub);
    if (done.invoice) report.invoices.push(done.invoice);
    if (done.canceled) report.canceled.push(done.canceled);
  }
  moveTo(target);
  for (const session of Object.values(engine.data.checkoutSessions)) {
    if (session.status !== 'open') continue;
    const owner = idOf(session.customer);
    if (customer && owner !== customer) continue;
    if (session.expires_at <= engine.now(owner)) {
      expireSession(engine, session, NO_REQUEST);
      report.expiredSessions.push(session.id);
    }
  }
  return report;
}

/** `checkout.session.expired`: the session can no longer be paid. */
export function expireSession(engine: Engine, session: Stripe.Checkout.Session, request: RequestInfo) {
  if (session.status !== 'open')
    throw invalidRequest('Only Checkout Sessions with a status in ["open"] can be expired.');
  session.status = 'expired';
  session.url = null;
  engine.changed();
  engine.emit('checkout.session.expired', session, { request, customer: idOf(session.customer) });
  return session;
}
