/** What the payments API returns and accepts (see functions/routes.ts and docs/payments.md). */

export type EngagementState = 'awaiting_payment' | 'active' | 'paused' | 'past_due' | 'ending' | 'ended';

export const ENGAGEMENT_STATES: readonly EngagementState[] = [
  'awaiting_payment',
  'active',
  'paused',
  'past_due',
  'ending',
  'ended',
];

export type Engagement = {
  id: string;
  projectId: string;
  title: string;
  yourRole: 'firm' | 'professional';
  firm: { id: string; name: string };
  professional: { id: string; displayName: string };
  state: EngagementState;
  monthlyFeeJpy: number;
  hoursPerMonth: number;
  durationMonths: number;
  startMonth?: string;
  platformFeePercent: number;
  currentPeriod?: { start: string; end: string } | null;
  nextRenewalAt?: string | null;
  cancelAtPeriodEnd: boolean;
  payoutsReady: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Invoice = {
  invoiceId: string;
  month: string;
  periodStart: string;
  periodEnd: string;
  grossJpy: number;
  platformFeeJpy: number;
  feeTaxJpy: number;
  netJpy: number;
  status: 'paid' | 'failed';
  hostedInvoiceUrl?: string | null;
  paidAt?: string | null;
};

export type EngagementAction = 'pause' | 'resume' | 'cancel';

export type PayoutStatus = 'not_started' | 'pending' | 'ready';

export type EarningsRow = {
  month: string;
  engagementId: string;
  title: string;
  firmName: string;
  grossJpy: number;
  platformFeeJpy: number;
  feeTaxJpy: number;
  netJpy: number;
  withholdingJpy: number;
};

export type Amounts = Pick<
  EarningsRow,
  'grossJpy' | 'platformFeeJpy' | 'feeTaxJpy' | 'netJpy' | 'withholdingJpy'
>;

export type Earnings = {
  year: number;
  professional: { displayName: string };
  platform: { name: string; invoiceRegistrationNumber?: string | null };
  rows: EarningsRow[];
  totals: Amounts;
};

export type PlatformSettings = {
  platformFeePercent: number;
  invoiceRegistrationNumber?: string | null;
  withholdingWorkTypes: string[];
};

/** The server's limits, mirrored for the checks made before sending. */
export const SETTINGS_LIMITS = { feeMin: 0, feeMax: 50 } as const;
export const INVOICE_NUMBER_PATTERN = /^T\d{13}$/;
