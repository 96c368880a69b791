import * as z from 'zod';

/** The money of a month, in whole yen. */
export const MonthMoneyOut = z.object({
  grossJpy: z.number().int(),
  platformFeeJpy: z.number().int(),
  feeTaxJpy: z.number().int(),
  netJpy: z.number().int(),
});

/** Where Stripe takes the person next (Checkout, the Customer Portal, Connect onboarding). */
export const UrlOut = z.object({ url: z.url() });

export const PAYOUT_STATUSES = ['not_started', 'pending', 'ready'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PayoutStatusOut = z.object({ status: z.enum(PAYOUT_STATUSES) });

export const EarningsQuery = z.strictObject({
  year: z
    .string()
    .regex(/^20\d\d$/, 'A year such as 2026.')
    .transform(Number)
    .optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** The tax in the fee received, and what was withheld. */
const Withheld = { grossTaxJpy: z.number().int(), withholdingJpy: z.number().int() };
export const EarningsRowOut = MonthMoneyOut.extend({
  month: z.string(),
  engagementId: z.string(),
  title: z.string(),
  firmName: z.string(),
  ...Withheld,
});
export const EarningsOut = z.object({
  year: z.number().int(),
  professional: z.object({ displayName: z.string() }),
  platform: z.object({ name: z.string(), invoiceRegistrationNumber: z.string().optional() }),
  rows: z.array(EarningsRowOut),
  totals: MonthMoneyOut.extend(Withheld),
});
export type EarningsOut = z.output<typeof EarningsOut>;

export const WebhookOut = z.object({ received: z.literal(true) });
