import * as z from '../zod-mini.ts';

/** The money of a month, in whole yen. */
export const MonthMoneyOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    grossJpy: z.number().check(z.int()),
    platformFeeJpy: z.number().check(z.int()),
    feeTaxJpy: z.number().check(z.int()),
    netJpy: z.number().check(z.int()),
  }),
);

/** Where Stripe takes the person next (Checkout, the Customer Portal, Connect onboarding). */
export const UrlOut = /* @__PURE__ */ z.pure(() => z.object({ url: z.url() }));

export const PAYOUT_STATUSES = ['not_started', 'pending', 'ready'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PayoutStatusOut = /* @__PURE__ */ z.pure(() => z.object({ status: z.enum(PAYOUT_STATUSES) }));

export const EarningsQuery = /* @__PURE__ */ z.pure(() =>
  z.strictObject({
    year: z.optional(
      z.pipe(z.string().check(z.regex(/^20\d\d$/, 'A year such as 2026.')), z.transform(Number)),
    ),
    format: z.optional(z.enum(['json', 'csv'])),
  }),
);

/** The tax in the fee received, and what was withheld. */
const Withheld = /* @__PURE__ */ z.pure(() => ({
  grossTaxJpy: z.number().check(z.int()),
  withholdingJpy: z.number().check(z.int()),
}));
export const EarningsRowOut = /* @__PURE__ */ z.pure(() =>
  z.extend(MonthMoneyOut, {
    month: z.string(),
    engagementId: z.string(),
    title: z.string(),
    firmName: z.string(),
    ...Withheld,
  }),
);
export const EarningsOut = /* @__PURE__ */ z.pure(() =>
  z.object({
    year: z.number().check(z.int()),
    professional: z.object({ displayName: z.string() }),
    platform: z.object({ name: z.string(), invoiceRegistrationNumber: z.optional(z.string()) }),
    rows: z.array(EarningsRowOut),
    totals: z.extend(MonthMoneyOut, Withheld),
  }),
);
export type EarningsOut = z.output<typeof EarningsOut>;

export const WebhookOut = /* @__PURE__ */ z.pure(() => z.object({ received: z.literal(true) }));
