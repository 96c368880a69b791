import type Stripe from 'stripe';
import { type Engine, idOf, type RequestInfo } from './engine.ts';
import { invalidRequest } from './errors.ts';
import { chargeObject, paymentIntentObject, refundObject } from './objects.ts';

/**
 * PaymentIntents and their charges, with the money's destination: a destination charge transfers
 * `transfer_data.amount`, or the amount less the platform's `application_fee_amount`, to the connected
 * account; the platform keeps the rest.
 */

export function createPaymentIntent(
  engine: Engine,
  now: number,
  p: Parameters<typeof paymentIntentObject>[1],
): Stripe.PaymentIntent {
  const pi = paymentIntentObject(now, p);
  engine.data.paymentIntents[pi.id] = pi;
  engine.changed();
  return pi;
}

/** What a destination charge sends to its connected account (before any refund); 0 for a charge to the platform. */
export function transferred(pi: Stripe.PaymentIntent): number {
  if (!pi.transfer_data) return 0;
  return pi.transfer_data.amount ?? pi.amount - (pi.application_fee_amount ?? 0);
}

/** Pays with the customer's test card: a charge that succeeds, or one the card declines. */
export function confirmPaymentIntent(engine: Engine, pi: Stripe.PaymentIntent, now: number): boolean {
  const customer = idOf(pi.customer);
  const succeeded = customer ? engine.card(customer) === 'succeeds' : true;
  const paymentMethod = customer ? engine.paymentMethod(customer) : 'pm_card_visa';
  const charge = chargeObject(now, {
    paymentIntent: pi,
    paymentMethod,
    email: customer ? engine.customer(customer).email : null,
    succeeded,
  });
  engine.data.charges[charge.id] = charge;
  pi.latest_charge = charge.id;
  pi.payment_method = paymentMethod;
  if (succeeded) {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.last_payment_error = null;
    const destination = idOf(pi.transfer_data?.destination);
    const toAccount = transferred(pi);
    if (destination)
      engine.data.balances.accounts[destination] =
        (engine.data.balances.accounts[destination] ?? 0) + toAccount;
    engine.data.balances.platform += pi.amount - toAccount;
  } else {
    pi.status = 'requires_payment_method';
    pi.last_payment_error = {
      charge: charge.id,
      code: 'card_declined',
      decline_code: 'generic_decline',
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      message: 'Your card was declined.',
      type: 'card_error',
    };
  }
  engine.changed();
  return succeeded;
}

export type RefundParams = {
  payment_intent?: string;
  charge?: string;
  amount?: number;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer';
  metadata?: Record<string, string> | '';
  reverse_transfer?: boolean;
};

/**
 * Refunds a succeeded payment in full or in part. The platform bears it, as Stripe's destination
 * charges do, unless `reverse_transfer` takes the connected account's share back in proportion.
 */
export function createRefund(engine: Engine, p: RefundParams, request: RequestInfo): Stripe.Refund {
  if (!p.payment_intent && !p.charge)
    throw invalidRequest(
      'Must provide either `charge` or `payment_intent`.',
      'payment_intent',
      'parameter_missing',
    );
  if (p.payment_intent && p.charge)
    throw invalidRequest(
      'You may only specify one of these parameters: charge, payment_intent.',
      'charge',
      'parameters_exclusive',
    );
  let charge: Stripe.Charge;
  if (p.payment_intent) {
    const pi = engine.paymentIntent(p.payment_intent, 'payment_intent');
    const latest = idOf(pi.latest_charge);
    if (pi.status !== 'succeeded' || !latest)
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'payment_intent',
      );
    charge = engine.charge(latest);
  } else {
    charge = engine.charge(p.charge ?? '', 'charge');
    if (charge.status !== 'succeeded')
      throw invalidRequest(`Charge ${charge.id} has not succeeded.`, 'charge');
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      'charge',
      'charge_already_refunded',
    );
  const amount = p.amount ?? remaining;
  if (amount < 1) throw invalidRequest('Refund amount must be at least ¥1.', 'amount');
  if (amount > remaining)
    throw invalidRequest(
      `Refund amount (¥${amount.toLocaleString('en')}) is greater than unrefunded amount on charge (¥${remaining.toLocaleString('en')})`,
      'amount',
      'amount_too_large',
    );

  const customer = idOf(charge.customer);
  const now = engine.now(customer);
  const refund = refundObject(now, {
    charge,
    amount,
    reason: p.reason ?? null,
    metadata: p.metadata || {},
  });
  engine.data.refunds[refund.id] = refund;

  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds?.data.unshift(refund);

  const pi = idOf(charge.payment_intent);
  const destination = idOf(charge.transfer_data?.destination);
  let reversed = 0;
  if (p.reverse_transfer && destination && pi) {
    reversed = Math.round((amount * transferred(engine.paymentIntent(pi))) / charge.amount);
    engine.data.balances.accounts[destination] = (engine.data.balances.accounts[destination] ?? 0) - reversed;
  }
  engine.data.balances.platform -= amount - reversed;
  engine.changed();

  engine.emit('charge.refunded', charge, { previous, request, customer });
  return refund;
}
