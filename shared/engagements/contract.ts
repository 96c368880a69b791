import { MonthMoneyOut } from '../billing/contract.ts';
import * as z from '../zod-mini.ts';
import { ENGAGEMENT_STATES } from './rules.ts';

/** A member's share of a team engagement, with whether they can be paid out. */
export const MemberShareOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    userId: z.string(),
    displayName: z.string(),
    percent: z.number(),
    payoutsReady: z.boolean(),
  }),
);
export const TeamShareOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    directorId: z.string(),
    /** How the caller stands in it (absent for the firm). */
    yourTeamRole: z.optional(z.enum(['director', 'member'])),
    shares: z.array(MemberShareOut),
    /** Shares the director set that apply from the next paid month (`from` is that period's start). */
    nextShares: z.optional(z.object({ from: z.string(), shares: z.array(MemberShareOut) })),
    /** For the director: the team's members now, who can be given a share (one who joined later has none yet). */
    members: z.optional(z.array(z.object({ userId: z.string(), displayName: z.string() }))),
  }),
);

export const EndingNoticeOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    requestedAt: z.string(),
    endsAt: z.string(),
    noticeExtended: z.boolean(),
    reasonRequestedAt: z.optional(z.string()),
    reason: z.optional(z.string()),
    reasonGivenAt: z.optional(z.string()),
  }),
);

/** An engagement as either party sees it (./views.ts). Stripe's ids stay on the server. */
export const EngagementOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    id: z.string(),
    projectId: z.string(),
    applicationId: z.string(),
    title: z.string(),
    yourRole: z.enum(['firm', 'professional']),
    firm: z.object({ id: z.string(), name: z.string() }),
    professional: z.object({ id: z.string(), displayName: z.string() }),
    state: z.enum(ENGAGEMENT_STATES),
    monthlyFeeJpy: z.number().check(z.int()),
    /** Whether the fee includes consumption tax; `monthlyChargeJpy` is what the firm pays a month. */
    feeTax: z.enum(['inclusive', 'exclusive']),
    monthlyChargeJpy: z.number().check(z.int()),
    hoursPerMonth: z.number(),
    durationMonths: z.number(),
    startMonth: z.optional(z.string()),
    platformFeePercent: z.number(),
    currentPeriod: z.optional(z.object({ start: z.string(), end: z.string() })),
    nextRenewalAt: z.nullable(z.string()),
    cancelAtPeriodEnd: z.boolean(),
    /** When it ends, once the firm has ended it (the period's end, or later for 30 days' notice). */
    endsAt: z.nullable(z.string()),
    /** 6 months or more: ending it needs 30 days' notice, and its reason on request (freelance act 16条). */
    long: z.boolean(),
    /** The firm's notice of ending a long engagement, and the reason's disclosure. */
    ending: z.optional(EndingNoticeOut),
    payoutsReady: z.boolean(),
    /** A team engagement: the team, the shares that apply now and, if the director changed them, from when the next ones apply. */
    team: z.optional(TeamShareOut),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);
export type EngagementOut = z.output<typeof EngagementOut>;
export const EngagementList = /* @__PURE__ */ z.pure(() =>
  z.object({ items: z.array(EngagementOut), nextCursor: z.nullable(z.string()) }),
);

/** One paid or failed month of an engagement. */
export const InvoiceRowOut = /* @__PURE__ */ z.pure(() =>
  z.extend(MonthMoneyOut, {
    invoiceId: z.string(),
    month: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(['paid', 'failed']),
    hostedInvoiceUrl: z.nullable(z.string()),
    paidAt: z.optional(z.string()),
    /** A team engagement's month, member by member: each part adds up exactly to the month's columns. */
    split: z.optional(
      z.array(
        z.extend(MonthMoneyOut, {
          userId: z.string(),
          displayName: z.string(),
          percent: z.number(),
          /** Whether the member's transfer was made (paid months only). */
          transferred: z.boolean(),
        }),
      ),
    ),
  }),
);
export type InvoiceRowOut = z.output<typeof InvoiceRowOut>;
export const InvoiceList = /* @__PURE__ */ z.pure(() => z.object({ items: z.array(InvoiceRowOut) }));
