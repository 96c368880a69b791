import { EarningsOut, EarningsQuery, PayoutStatusOut, UrlOut, WebhookOut } from '#shared/billing/contract.ts';
import { line } from '#shared/http/route.ts';

/** The billing context's lines: Stripe's portal, payouts, earnings statements and webhooks. */
export const billingPortal = /* @__PURE__ */ line('POST /v1/billing/portal', {
  handler: 'billing/billing-portal',
  access: ['firm'],
  tag: 'billing',
  summary:
    "The firm's Stripe Customer Portal (cards, invoices). 409 no_billing_account before a first payment.",
  needs: { table: 'read', stripe: true },
  response: UrlOut,
});

export const payoutStatus = /* @__PURE__ */ line('GET /v1/me/payouts', {
  handler: 'billing/payout-status',
  access: ['professional'],
  tag: 'billing',
  summary: "Whether the professional's Stripe payouts are set up: not_started, pending or ready.",
  // A pending account is asked about again, and marked ready when Stripe says so.
  needs: { table: 'write', stripe: true },
  response: PayoutStatusOut,
});

export const startPayoutOnboarding = /* @__PURE__ */ line('POST /v1/me/payouts/onboarding', {
  handler: 'billing/start-payout-onboarding',
  access: ['professional'],
  tag: 'billing',
  summary: 'The URL of Stripe Connect onboarding (an Account Link) for the calling professional.',
  needs: { table: 'write', stripe: true },
  response: UrlOut,
});

export const earnings = /* @__PURE__ */ line('GET /v1/me/earnings', {
  handler: 'billing/earnings',
  access: ['professional'],
  tag: 'billing',
  summary:
    'The yearly earnings statement: per month and engagement, gross, fee, net and withholding, with totals. format=csv gives UTF-8 CSV with a BOM.',
  needs: { table: 'read' },
  query: EarningsQuery,
  response: EarningsOut,
  produces: 'text/csv',
});

export const stripeWebhook = /* @__PURE__ */ line('POST /v1/webhooks/stripe', {
  handler: 'billing/stripe-webhook',
  access: 'public',
  tag: 'billing',
  summary:
    "Stripe's events, verified by their Stripe-Signature over the raw body; each applied once, in any order.",
  needs: { table: 'write', stripe: true, mail: true },
  response: WebhookOut,
});
