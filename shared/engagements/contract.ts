import * as z from 'zod';
import { MonthMoneyOut } from '../billing/contract.ts';
import { ENGAGEMENT_STATES } from './rules.ts';

/** An engagement as either party sees it (./views.ts). Stripe's ids stay on the server. */
export const EngagementOut = z.object({
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
export type EngagementOut = z.output<typeof EngagementOut>;
export const EngagementList = z.object({ items: z.array(EngagementOut) });

/** One paid or failed month of an engagement. */
export const InvoiceRowOut = MonthMoneyOut.extend({
  invoiceId: z.string(),
  month: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['paid', 'failed']),
  hostedInvoiceUrl: z.string().nullable(),
  paidAt: z.string().optional(),
});
export type InvoiceRowOut = z.output<typeof InvoiceRowOut>;
export const InvoiceList = z.object({ items: z.array(InvoiceRowOut) });
