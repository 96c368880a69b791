import * as z from 'zod';
import { ApplicationInput, DecisionInput } from '#shared/applications/rules.ts';
import { ENGAGEMENT_STATES } from '#shared/engagements/rules.ts';
import { ProfileInput } from '#shared/accounts/rules.ts';
import { regionCode } from '#shared/domain/fields.ts';
import { ProjectInput, ProjectPatch } from '#shared/projects/rules.ts';
import { PlatformSettingsInput } from '#shared/admin/rules.ts';
import type { Route, RouteKey } from '#shared/http/route.ts';
import { BrowseQuery } from '#shared/projects/browse.ts';

/**
 * The route table: method and path, handler file, who may call it, and the schemas of what goes in and
 * comes out. CDK (infra/stateless-stack.ts) makes a function and an API route of each line, the local
 * gateway (infra/local/gateway.ts) serves the same lines, and /v1/openapi.json is generated from them.
 */
const Prefecture = z.object({ code: z.string(), name: z.string(), kana: z.string(), nameEn: z.string() });
const Municipality = Prefecture.extend({ prefectureCode: z.string() });
const Profile = z.looseObject({
  userId: z.string(),
  role: z.enum(['professional', 'firm', 'region_staff', 'operator']),
  displayName: z.string(),
  email: z.string().optional(),
  regionCode: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const Id = z.strictObject({ id: z.uuid('Not a valid id.') });
const UrlOut = z.object({ url: z.url() });
const EngagementOut = z.object({
  id: z.string(),
  projectId: z.string(),
  applicationId: z.string(),
  title: z.string(),
  yourRole: z.enum(['firm', 'professional']),
  firm: z.object({ id: z.string(), name: z.string() }),
  professional: z.object({ id: z.string(), displayName: z.string() }),
  state: z.enum(ENGAGEMENT_STATES),
  monthlyFeeJpy: z.number().int(),
  hoursPerMonth: z.number(),
  durationMonths: z.number(),
  startMonth: z.string().optional(),
  platformFeePercent: z.number(),
  currentPeriod: z.object({ start: z.string(), end: z.string() }).optional(),
  nextRenewalAt: z.string().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  payoutsReady: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Money = {
  grossJpy: z.number().int(),
  platformFeeJpy: z.number().int(),
  feeTaxJpy: z.number().int(),
  netJpy: z.number().int(),
};
const InvoiceRowOut = z.object({
  invoiceId: z.string(),
  month: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  ...Money,
  status: z.enum(['paid', 'failed']),
  hostedInvoiceUrl: z.string().nullable(),
  paidAt: z.string().optional(),
});
const EarningsQuery = z.strictObject({
  year: z
    .string()
    .regex(/^20\d\d$/, 'A year such as 2026.')
    .transform(Number)
    .optional(),
  format: z.enum(['json', 'csv']).optional(),
});
const EarningsOut = z.object({
  year: z.number().int(),
  professional: z.object({ displayName: z.string() }),
  platform: z.object({ name: z.string(), invoiceRegistrationNumber: z.string().optional() }),
  rows: z.array(
    z.object({
      month: z.string(),
      engagementId: z.string(),
      title: z.string(),
      firmName: z.string(),
      ...Money,
      withholdingJpy: z.number().int(),
    }),
  ),
  totals: z.object({ ...Money, withholdingJpy: z.number().int() }),
});
const SettingsOut = z.object({
  platformFeePercent: z.number(),
  invoiceRegistrationNumber: z.string().nullable(),
  withholdingWorkTypes: z.array(z.string()),
  updatedAt: z.string().optional(),
});
const ProjectOut = z.looseObject({
  id: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  title: z.string(),
  firmId: z.string(),
  organizationName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  prefectureName: z.string(),
  monthlyFeeJpy: z.number(),
  hoursPerMonth: z.number(),
  applicantCount: z.number(),
});
const ApplicationOut = z.looseObject({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(['submitted', 'shortlisted', 'declined', 'accepted', 'withdrawn']),
  proposal: z.string(),
  createdAt: z.string(),
});

export const routes = {
  'GET /v1/health': {
    handler: 'public/health',
    access: 'public',
    tag: 'public',
    summary: 'Whether the service and its database answer.',
    response: z.object({ status: z.enum(['ok']), time: z.string() }),
  },
  'GET /v1/config': {
    handler: 'public/config',
    access: 'public',
    tag: 'public',
    summary: 'What the web app needs to sign people in and to pay.',
    response: z.object({
      auth: z.object({
        region: z.string(),
        userPoolId: z.string(),
        clientId: z.string(),
        endpoint: z.string().optional(),
      }),
      stripe: z.object({ publishableKey: z.string(), local: z.boolean() }),
    }),
  },
  'GET /v1/openapi.json': {
    handler: 'public/openapi',
    access: 'public',
    tag: 'public',
    summary: 'This API described as OpenAPI 3.1, generated from the zod schemas.',
  },
  'GET /v1/regions/prefectures': {
    handler: 'regions/list-prefectures',
    access: 'public',
    tag: 'regions',
    summary: 'The 47 prefectures, by code.',
    response: z.object({ items: z.array(Prefecture) }),
  },
  'GET /v1/regions/groups': {
    handler: 'regions/list-groups',
    access: 'public',
    tag: 'regions',
    summary: 'Wide-area groups of municipalities (e.g. 奄美群島), with their members.',
    response: z.object({
      items: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          nameEn: z.string(),
          prefectureCode: z.string(),
          municipalityCodes: z.array(z.string()),
        }),
      ),
    }),
  },
  'GET /v1/regions/prefectures/{code}/municipalities': {
    handler: 'regions/list-municipalities',
    access: 'public',
    tag: 'regions',
    summary: "A prefecture's municipalities (cities, wards, towns and villages), by code.",
    params: z.strictObject({ code: z.string().regex(/^\d{2}$/, 'A prefecture code has 2 digits, e.g. 31.') }),
    response: z.object({ prefecture: Prefecture, items: z.array(Municipality) }),
  },
  'GET /v1/me': {
    handler: 'accounts/get-me',
    access: 'signedIn',
    tag: 'accounts',
    summary: "The caller's profile; 404 before onboarding (an invited address gets its staff profile here).",
    response: Profile,
  },
  'PUT /v1/me': {
    handler: 'accounts/put-me',
    access: 'signedIn',
    tag: 'accounts',
    summary: "Creates or replaces the caller's profile. The first PUT chooses the role, which never changes.",
    body: ProfileInput,
    response: Profile,
  },
  'POST /v1/admin/region-staff': {
    handler: 'admin/invite-region-staff',
    access: ['operator'],
    tag: 'admin',
    summary: 'Invites an e-mail address to become staff of a prefecture, municipality or wide-area group.',
    body: z.strictObject({ email: z.email().max(254), regionCode }),
    response: z.object({ email: z.string(), regionCode: z.string(), expiresAt: z.string() }),
  },
  'POST /v1/projects': {
    handler: 'projects/create-project',
    access: ['firm'],
    tag: 'projects',
    summary: 'A firm drafts a project; the firm is the owner. Answers 201 with the draft.',
    body: ProjectInput,
    response: ProjectOut,
  },
  'GET /v1/projects': {
    handler: 'projects/browse-projects',
    access: 'public',
    tag: 'projects',
    summary: 'Open projects, newest first, filtered, a page at a time (cursor).',
    query: BrowseQuery,
    response: z.object({ items: z.array(ProjectOut), nextCursor: z.string().nullable() }),
  },
  'GET /v1/projects/{id}': {
    handler: 'projects/get-project',
    access: 'optional',
    tag: 'projects',
    summary: 'One project: open and closed ones to anyone, a draft to its firm only (404 to others).',
    params: Id,
    response: ProjectOut,
  },
  'PATCH /v1/projects/{id}': {
    handler: 'projects/edit-project',
    access: ['firm'],
    tag: 'projects',
    summary: 'The owner edits a draft or open project (any fields, at least one).',
    params: Id,
    body: ProjectPatch,
    response: ProjectOut,
  },
  'POST /v1/projects/{id}/publish': {
    handler: 'projects/publish-project',
    access: ['firm'],
    tag: 'projects',
    summary: 'The owner publishes a draft: it becomes open and findable.',
    params: Id,
    response: ProjectOut,
  },
  'POST /v1/projects/{id}/close': {
    handler: 'projects/close-project',
    access: ['firm'],
    tag: 'projects',
    summary: 'The owner closes a project: no more applications, no longer listed.',
    params: Id,
    response: ProjectOut,
  },
  'GET /v1/me/projects': {
    handler: 'projects/my-projects',
    access: ['firm'],
    tag: 'projects',
    summary: "The calling firm's projects, newest first, with their applicant counts.",
    response: z.object({ items: z.array(ProjectOut) }),
  },
  'POST /v1/projects/{id}/applications': {
    handler: 'applications/apply',
    access: ['professional'],
    tag: 'applications',
    summary: 'A professional applies with a proposal; once per project (again → 409).',
    params: Id,
    body: ApplicationInput,
    response: ApplicationOut,
  },
  'GET /v1/projects/{id}/applications': {
    handler: 'applications/project-applications',
    access: ['firm'],
    tag: 'applications',
    summary: "The owner firm's view of a project's applicants: profile and proposal.",
    params: Id,
    response: z.object({ items: z.array(ApplicationOut) }),
  },
  'GET /v1/me/applications': {
    handler: 'applications/my-applications',
    access: ['professional'],
    tag: 'applications',
    summary: "The calling professional's applications with each project's title and status.",
    response: z.object({ items: z.array(ApplicationOut) }),
  },
  'POST /v1/applications/{id}/decision': {
    handler: 'applications/decide',
    access: ['firm'],
    tag: 'applications',
    summary:
      'The owner firm shortlists, declines or accepts; accept creates the engagement ({engagementId}).',
    params: Id,
    body: DecisionInput,
    response: z.object({ id: z.string(), status: z.string(), engagementId: z.string().optional() }),
  },
  'POST /v1/applications/{id}/withdraw': {
    handler: 'applications/withdraw',
    access: ['professional'],
    tag: 'applications',
    summary: 'The applicant withdraws while the firm has not decided.',
    params: Id,
    response: ApplicationOut,
  },
  'GET /v1/engagements': {
    handler: 'engagements/my-engagements',
    access: ['firm', 'professional'],
    tag: 'engagements',
    summary: "The caller's engagements (as the firm or as the professional), newest first.",
    response: z.object({ items: z.array(EngagementOut) }),
  },
  'GET /v1/engagements/{id}': {
    handler: 'engagements/get-engagement',
    access: ['firm', 'professional'],
    tag: 'engagements',
    summary: 'One engagement: state, fee, current period and next renewal. Its firm and professional only.',
    params: Id,
    response: EngagementOut,
  },
  'GET /v1/engagements/{id}/invoices': {
    handler: 'engagements/engagement-invoices',
    access: ['firm', 'professional'],
    tag: 'engagements',
    summary:
      'One row per paid or failed month: gross, platform fee, consumption tax on the fee, net, hosted invoice.',
    params: Id,
    response: z.object({ items: z.array(InvoiceRowOut) }),
  },
  'POST /v1/engagements/{id}/checkout': {
    handler: 'engagements/start-checkout',
    access: ['firm'],
    tag: 'engagements',
    summary:
      'Its firm starts the monthly retainer: the URL of a Stripe Checkout Session (the same one while it is open). 409 payouts_not_ready until the professional can be paid.',
    params: Id,
    response: UrlOut,
  },
  'POST /v1/engagements/{id}/pause': {
    handler: 'engagements/pause-engagement',
    access: ['firm'],
    tag: 'engagements',
    summary: 'Its firm pauses the payments (nothing is charged until resumed).',
    params: Id,
    response: EngagementOut,
  },
  'POST /v1/engagements/{id}/resume': {
    handler: 'engagements/resume-engagement',
    access: ['firm'],
    tag: 'engagements',
    summary: 'Its firm resumes a paused engagement.',
    params: Id,
    response: EngagementOut,
  },
  'POST /v1/engagements/{id}/cancel': {
    handler: 'engagements/cancel-engagement',
    access: ['firm'],
    tag: 'engagements',
    summary: 'Its firm cancels at the end of the current period (state ending, then ended).',
    params: Id,
    response: EngagementOut,
  },
  'POST /v1/billing/portal': {
    handler: 'billing/billing-portal',
    access: ['firm'],
    tag: 'billing',
    summary:
      "The firm's Stripe Customer Portal (cards, invoices). 409 no_billing_account before a first payment.",
    response: UrlOut,
  },
  'GET /v1/me/payouts': {
    handler: 'billing/payout-status',
    access: ['professional'],
    tag: 'billing',
    summary: "Whether the professional's Stripe payouts are set up: not_started, pending or ready.",
    response: z.object({ status: z.enum(['not_started', 'pending', 'ready']) }),
  },
  'POST /v1/me/payouts/onboarding': {
    handler: 'billing/start-payout-onboarding',
    access: ['professional'],
    tag: 'billing',
    summary: 'The URL of Stripe Connect onboarding (an Account Link) for the calling professional.',
    response: UrlOut,
  },
  'GET /v1/me/earnings': {
    handler: 'billing/earnings',
    access: ['professional'],
    tag: 'billing',
    summary:
      'The yearly earnings statement: per month and engagement, gross, fee, net and withholding, with totals. format=csv gives UTF-8 CSV with a BOM.',
    query: EarningsQuery,
    response: EarningsOut,
    produces: 'text/csv',
  },
  'POST /v1/webhooks/stripe': {
    handler: 'billing/stripe-webhook',
    access: 'public',
    tag: 'billing',
    summary:
      "Stripe's events, verified by their Stripe-Signature over the raw body; each applied once, in any order.",
    response: z.object({ received: z.literal(true) }),
  },
  'GET /v1/admin/settings': {
    handler: 'admin/get-settings',
    access: ['operator'],
    tag: 'admin',
    summary: "The platform's settings.",
    response: SettingsOut,
  },
  'PUT /v1/admin/settings': {
    handler: 'admin/put-settings',
    access: ['operator'],
    tag: 'admin',
    summary:
      'The operator sets the platform fee (0–50 %, for new engagements), the qualified-invoice number and the work types subject to withholding.',
    body: PlatformSettingsInput,
    response: SettingsOut,
  },
} as const satisfies Record<RouteKey, Route>;

export type RouteTable = typeof routes;
export const routeKeys = Object.keys(routes) as (keyof RouteTable)[];
