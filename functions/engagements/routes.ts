import { UrlOut } from '#shared/billing/contract.ts';
import { Id, PageQuery } from '#shared/domain/fields.ts';
import { EngagementList, EngagementOut, InvoiceList } from '#shared/engagements/contract.ts';
import { line } from '#shared/http/route.ts';
import { SharesInput } from '#shared/teams/rules.ts';

/** The engagements context's lines: the monthly retainer between a firm and a professional. */
export const myEngagements = /* @__PURE__ */ line('GET /v1/engagements', {
  handler: 'engagements/my-engagements',
  access: ['firm', 'professional'],
  tag: 'engagements',
  summary: "The caller's engagements (as the firm or as the professional), newest first.",
  needs: { table: 'read' },
  query: PageQuery,
  response: EngagementList,
});

export const getEngagement = /* @__PURE__ */ line('GET /v1/engagements/{id}', {
  handler: 'engagements/get-engagement',
  access: ['firm', 'professional'],
  tag: 'engagements',
  summary: 'One engagement: state, fee, current period and next renewal. Its firm and professional only.',
  needs: { table: 'read' },
  params: Id,
  response: EngagementOut,
});

export const engagementInvoices = /* @__PURE__ */ line('GET /v1/engagements/{id}/invoices', {
  handler: 'engagements/engagement-invoices',
  access: ['firm', 'professional'],
  tag: 'engagements',
  summary:
    'One row per paid or failed month: gross, platform fee, consumption tax on the fee, net, hosted invoice.',
  needs: { table: 'read' },
  params: Id,
  response: InvoiceList,
});

export const startCheckout = /* @__PURE__ */ line('POST /v1/engagements/{id}/checkout', {
  handler: 'engagements/start-checkout',
  access: ['firm'],
  tag: 'engagements',
  summary:
    'Its firm starts the monthly retainer: the URL of a Stripe Checkout Session (the same one while it is open). 409 payouts_not_ready until the professional can be paid.',
  needs: { table: 'write', stripe: true },
  params: Id,
  response: UrlOut,
});

/** Pausing, resuming and cancelling change Stripe, then the engagement, and tell both parties. */
const change = { table: 'write', stripe: true, mail: true } as const;

export const pauseEngagement = /* @__PURE__ */ line('POST /v1/engagements/{id}/pause', {
  handler: 'engagements/pause-engagement',
  access: ['firm'],
  tag: 'engagements',
  summary: 'Its firm pauses the payments (nothing is charged until resumed).',
  needs: change,
  params: Id,
  response: EngagementOut,
});

export const resumeEngagement = /* @__PURE__ */ line('POST /v1/engagements/{id}/resume', {
  handler: 'engagements/resume-engagement',
  access: ['firm'],
  tag: 'engagements',
  summary:
    'Its firm resumes a paused engagement, or takes back "cancel at period end" while the period runs (state ending → active).',
  needs: change,
  params: Id,
  response: EngagementOut,
});

export const cancelEngagement = /* @__PURE__ */ line('POST /v1/engagements/{id}/cancel', {
  handler: 'engagements/cancel-engagement',
  access: ['firm'],
  tag: 'engagements',
  summary: 'Its firm cancels at the end of the current period (state ending, then ended).',
  needs: change,
  params: Id,
  response: EngagementOut,
});

export const setShares = /* @__PURE__ */ line('PUT /v1/engagements/{id}/shares', {
  handler: 'engagements/set-shares',
  access: ['professional'],
  tag: 'engagements',
  summary:
    "A team engagement's director sets its members' shares (whole or one-decimal percentages summing to 100); they apply from the next paid month, and the history is kept.",
  needs: { table: 'write' },
  params: Id,
  body: SharesInput,
  response: EngagementOut,
});
