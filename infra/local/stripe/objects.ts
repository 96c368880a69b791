import type Stripe from 'stripe';
import { newId } from './ids.ts';

/**
 * Builders of Stripe's objects in full, typed with the SDK's own types at the pinned API version, so a
 * field that Stripe adds, renames or removes fails the type check here rather than in the product.
 */

/** On the wire a decimal is a string ("50000"); the SDK turns it into its Decimal when it reads it. */
const decimal = (n: number) => String(n) as unknown as Stripe.Decimal;

export const PLATFORM_NAME = 'Kakehashi (local Stripe)';

export function list<T>(data: T[], url: string, hasMore = false): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

export function customerObject(
  now: number,
  p: {
    email?: string;
    name?: string;
    description?: string;
    phone?: string;
    metadata?: Record<string, string>;
    preferred_locales?: string[];
  },
): Stripe.Customer {
  return {
    id: newId('cus_', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: now,
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: p.description ?? null,
    discount: null,
    email: p.email ?? null,
    invoice_prefix: newId('', 8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: p.metadata ?? {},
    name: p.name ?? null,
    next_invoice_sequence: 1,
    phone: p.phone ?? null,
    preferred_locales: p.preferred_locales ?? [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export function productObject(
  now: number,
  p: { name: string; description?: string; metadata?: Record<string, string> },
): Stripe.Product {
  return {
    id: newId('prod_', 14),
    object: 'product',
    active: true,
    created: now,
    default_price: null,
    description: p.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: p.metadata ?? {},
    name: p.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  };
}

/** A price made from `price_data`: Stripe archives these ad-hoc prices at once (active false). */
export function priceObject(
  now: number,
  p: { product: string; currency: string; unitAmount: number; monthly: boolean },
): Stripe.Price {
  return {
    id: newId('price_'),
    object: 'price',
    active: false,
    billing_scheme: 'per_unit',
    created: now,
    currency: p.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: p.product,
    recurring: p.monthly
      ? { interval: 'month', interval_count: 1, meter: null, trial_period_days: null, usage_type: 'licensed' }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: p.monthly ? 'recurring' : 'one_time',
    unit_amount: p.unitAmount,
    unit_amount_decimal: decimal(p.unitAmount),
  };
}

function planOf(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: 'month',
    interval_count: 1,
    livemode: false,
    metadata: {},
    meter: null,
    nickname: null,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function subscriptionItemObject(
  now: number,
  p: { subscription: string; price: Stripe.Price; quantity: number; periodStart: number; periodEnd: number },
): Stripe.SubscriptionItem {
  return {
    id: newId('si_', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: now,
    current_period_end: p.periodEnd,
    current_period_start: p.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOf(p.price),
    price: p.price,
    quantity: p.quantity,
    subscription: p.subscription,
    tax_rates: [],
  };
}

export function subscriptionObject(
  now: number,
  p: {
    id: string;
    customer: string;
    items: Stripe.SubscriptionItem[];
    destination: string | null;
    applicationFeePercent: number | null;
    metadata: Record<string, string>;
    description: string | null;
    defaultPaymentMethod: string | null;
  },
): Stripe.Subscription {
  return {
    id: p.id,
    object: 'subscription',
    application: null,
    application_fee_percent: p.applicationFeePercent,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: 'included' }, type: 'flexible', updated_at: now },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: 'jpy',
    customer: p.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: p.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: p.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: list(p.items, `/v1/subscription_items?subscription=${p.id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: p.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: 'active',
    test_clock: null,
    transfer_data: p.destination ? { amount_percent: null, destination: p.destination } : null,
    trial_end: null,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' },
    },
    trial_start: null,
  };
}

/** One line per subscription item, billed in advance for the period it starts. */
export function invoiceLineObject(
  p: {
    invoice: string;
    subscription: Stripe.Subscription;
    item: Stripe.SubscriptionItem;
    productName: string;
    /** Below 1: a prorated line for part of a period (JPY has no minor unit: rounded to the yen). */
    share?: number;
  },
  period: { start: number; end: number },
): Stripe.InvoiceLineItem {
  const unit = p.item.price.unit_amount ?? 0;
  const quantity = p.item.quantity ?? 1;
  const share = p.share ?? 1;
  const prorated = share < 1;
  const product = typeof p.item.price.product === 'string' ? p.item.price.product : p.item.price.product.id;
  return {
    id: newId('il_'),
    object: 'line_item',
    amount: prorated ? Math.round(unit * quantity * share) : unit * quantity,
    currency: 'jpy',
    description: prorated
      ? `Remaining time on ${quantity} × ${p.productName} (at ¥${unit.toLocaleString('en')} / month)`
      : `${quantity} × ${p.productName} (at ¥${unit.toLocaleString('en')} / month)`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: p.invoice,
    livemode: false,
    metadata: { ...p.subscription.metadata },
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: prorated,
        proration_details: { credited_items: null },
        subscription: p.subscription.id,
        subscription_item: p.item.id,
      },
      type: 'subscription_item_details',
    },
    period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: p.item.price.id, product },
      type: 'price_details',
      unit_amount_decimal: decimal(unit),
    },
    quantity,
    quantity_decimal: decimal(quantity),
    subscription: p.subscription.id,
    subtotal: unit * quantity,
    taxes: [],
  };
}

export function invoiceObject(
  now: number,
  p: {
    id: string;
    customer: Stripe.Customer;
    subscription: Stripe.Subscription;
    billingReason: Stripe.Invoice.BillingReason;
    period: { start: number; end: number };
    lines: Stripe.InvoiceLineItem[];
  },
): Stripe.Invoice {
  const total = p.lines.reduce((sum, line) => sum + line.amount, 0);
  return {
    id: p.id,
    object: 'invoice',
    account_country: 'JP',
    account_name: PLATFORM_NAME,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: p.billingReason,
    collection_method: 'charge_automatically',
    created: now,
    currency: 'jpy',
    custom_fields: null,
    customer: p.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: p.customer.email,
    customer_name: p.customer.name ?? null,
    customer_phone: p.customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: list(p.lines, `/v1/invoices/${p.id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...p.subscription.metadata }, subscription: p.subscription.id },
      type: 'subscription_details',
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: p.period.end,
    period_start: p.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

export function invoicePaymentObject(
  now: number,
  p: { invoice: string; paymentIntent: string; amount: number },
): Stripe.InvoicePayment {
  return {
    id: newId('inpay_'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: p.amount,
    created: now,
    currency: 'jpy',
    invoice: p.invoice,
    is_default: true,
    livemode: false,
    payment: { payment_intent: p.paymentIntent, type: 'payment_intent' },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}

export function paymentIntentObject(
  now: number,
  p: {
    customer: string | null;
    amount: number;
    applicationFeeAmount: number | null;
    destination: string | null;
    transferAmount: number | null;
    description: string | null;
    metadata: Record<string, string>;
  },
): Stripe.PaymentIntent {
  const id = newId('pi_');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: p.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: p.applicationFeeAmount,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${newId('')}`,
    confirmation_method: 'automatic',
    created: now,
    currency: 'jpy',
    customer: p.customer,
    customer_account: null,
    description: p.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: p.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: p.destination
      ? { destination: p.destination, ...(p.transferAmount !== null ? { amount: p.transferAmount } : {}) }
      : null,
    transfer_group: p.destination ? `group_${id}` : null,
  };
}

export function chargeObject(
  now: number,
  p: { paymentIntent: Stripe.PaymentIntent; paymentMethod: string; email: string | null; succeeded: boolean },
): Stripe.Charge {
  const pi = p.paymentIntent;
  const id = newId('ch_');
  const destination = pi.transfer_data
    ? typeof pi.transfer_data.destination === 'string'
      ? pi.transfer_data.destination
      : pi.transfer_data.destination.id
    : null;
  return {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: p.succeeded ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: pi.application_fee_amount,
    balance_transaction: null,
    billing_details: { address: null, email: p.email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'KAKEHASHI',
    captured: p.succeeded,
    created: now,
    currency: 'jpy',
    customer: typeof pi.customer === 'string' ? pi.customer : (pi.customer?.id ?? null),
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: p.succeeded ? null : 'card_declined',
    failure_message: p.succeeded ? null : 'Your card was declined.',
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: p.succeeded
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          advice_code: 'try_again_later',
          network_advice_code: null,
          network_decline_code: null,
          network_status: 'declined_by_network',
          reason: 'generic_decline',
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: p.succeeded,
    payment_intent: pi.id,
    payment_method: p.paymentMethod,
    payment_method_details: null,
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: list([], `/v1/charges/${id}/refunds`),
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: p.succeeded ? 'succeeded' : 'failed',
    transfer_data: destination ? { amount: pi.transfer_data?.amount ?? null, destination } : null,
    transfer_group: pi.transfer_group,
  };
}

export function refundObject(
  now: number,
  p: {
    charge: Stripe.Charge;
    amount: number;
    reason: Stripe.Refund.Reason | null;
    metadata: Record<string, string>;
  },
): Stripe.Refund {
  return {
    id: newId('re_'),
    object: 'refund',
    amount: p.amount,
    balance_transaction: null,
    charge: p.charge.id,
    created: now,
    currency: 'jpy',
    customer: typeof p.charge.customer === 'string' ? p.charge.customer : (p.charge.customer?.id ?? null),
    customer_account: null,
    metadata: p.metadata,
    payment_intent: typeof p.charge.payment_intent === 'string' ? p.charge.payment_intent : null,
    payment_method: p.charge.payment_method,
    reason: p.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

/**
 * A transfer from the platform's balance to a connected account. `destination_payment` names the
 * payment the account receives (a `py_…` on its side, which the local Stripe does not keep).
 */
export function transferObject(
  now: number,
  p: {
    amount: number;
    destination: string;
    sourceTransaction: string | null;
    transferGroup: string | null;
    description: string | null;
    metadata: Record<string, string>;
  },
): Stripe.Transfer {
  const id = newId('tr_');
  return {
    id,
    object: 'transfer',
    amount: p.amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: now,
    currency: 'jpy',
    description: p.description,
    destination: p.destination,
    destination_payment: newId('py_'),
    livemode: false,
    metadata: p.metadata,
    reversals: list([], `/v1/transfers/${id}/reversals`),
    reversed: false,
    source_transaction: p.sourceTransaction,
    source_type: 'card',
    transfer_group: p.transferGroup,
  };
}

/** What an Express account still owes Stripe before it can be paid: the fields its onboarding asks. */
const ONBOARDING_FIELDS = [
  'business_profile.url',
  'external_account',
  'individual.dob.day',
  'individual.first_name_kana',
  'individual.last_name_kana',
  'tos_acceptance.date',
  'tos_acceptance.ip',
];

export function requirements(due: string[]): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: due,
    past_due: due,
    pending_verification: [],
  };
}

export function accountObject(
  now: number,
  p: {
    country: string;
    email: string | null;
    businessType: Stripe.Account.BusinessType | null;
    capabilities: string[];
    metadata: Record<string, string>;
  },
): Stripe.Account {
  const id = newId('acct_', 16);
  return {
    id,
    object: 'account',
    business_profile: {
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: p.businessType,
    capabilities: Object.fromEntries(p.capabilities.map((c) => [c, 'inactive'])),
    charges_enabled: false,
    controller: {
      fees: { payer: 'application' },
      is_controller: true,
      losses: { payments: 'application' },
      requirement_collection: 'stripe',
      stripe_dashboard: { type: 'express' },
      type: 'application',
    },
    country: p.country,
    created: now,
    default_currency: 'jpy',
    details_submitted: false,
    email: p.email,
    external_accounts: list([], `/v1/accounts/${id}/external_accounts`),
    future_requirements: requirements([]),
    metadata: p.metadata,
    payouts_enabled: false,
    requirements: requirements(ONBOARDING_FIELDS),
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: 'express',
  };
}

export function checkoutSessionObject(
  now: number,
  p: {
    id: string;
    url: string;
    mode: 'payment' | 'subscription';
    amountTotal: number;
    customer: string | null;
    customerEmail: string | null;
    successUrl: string;
    cancelUrl: string | null;
    clientReferenceId: string | null;
    locale: Stripe.Checkout.Session.Locale | null;
    metadata: Record<string, string>;
    expiresAt: number;
  },
): Stripe.Checkout.Session {
  return {
    id: p.id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: p.amountTotal,
    amount_total: p.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: p.cancelUrl,
    client_reference_id: p.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: 'jpy',
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: p.customer,
    customer_account: null,
    customer_creation: p.customer ? null : p.mode === 'subscription' ? 'always' : 'if_required',
    customer_details: null,
    customer_email: p.customerEmail,
    discounts: [],
    expires_at: p.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: p.locale,
    managed_payments: null,
    metadata: p.metadata,
    mode: p.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: p.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: p.url,
    wallet_options: null,
  };
}

export function checkoutLineItemObject(p: {
  id: string;
  price: Stripe.Price;
  quantity: number;
  description: string;
}): Stripe.LineItem {
  const amount = (p.price.unit_amount ?? 0) * p.quantity;
  return {
    id: p.id,
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: p.price.currency,
    description: p.description,
    metadata: {},
    price: p.price,
    quantity: p.quantity,
  };
}

export function portalSessionObject(
  now: number,
  p: { id: string; customer: string; returnUrl: string | null; locale: string | null; url: string },
): Stripe.BillingPortal.Session {
  return {
    id: p.id,
    object: 'billing_portal.session',
    configuration: 'bpc_local_default',
    created: now,
    customer: p.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: p.locale as Stripe.BillingPortal.Session.Locale | null,
    on_behalf_of: null,
    return_url: p.returnUrl,
    url: p.url,
  };
}

export function balanceObject(available: number): Stripe.Balance {
  return {
    object: 'balance',
    available: [{ amount: available, currency: 'jpy', source_types: { card: available } }],
    livemode: false,
    pending: [{ amount: 0, currency: 'jpy', source_types: { card: 0 } }],
  };
}
