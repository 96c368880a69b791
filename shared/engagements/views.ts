import type { Engagement } from './engagement.entity.ts';
import { engagements } from './engagement.entity.ts';
import { ledger } from '../billing/ledger.entity.ts';
import { payoutAccounts } from '../billing/stripe-account.entity.ts';
import { monthInJapan } from '../billing/rules.ts';
import { partyEngagement } from './access.ts';

/** What either party sees of an engagement. Stripe's ids stay on the server. */
export function engagementView(e: Engagement, userId: string, payoutsReady: boolean) {
  const renews = e.state === 'active' || e.state === 'past_due' || e.state === 'paused';
  return {
    id: e.id,
    projectId: e.projectId,
    applicationId: e.applicationId,
    title: e.title,
    yourRole: e.firmId === userId ? ('firm' as const) : ('professional' as const),
    firm: { id: e.firmId, name: e.firmName },
    professional: { id: e.professionalId, displayName: e.professionalName },
    state: e.state,
    monthlyFeeJpy: e.monthlyFeeJpy,
    hoursPerMonth: e.hoursPerMonth,
    durationMonths: e.durationMonths,
    ...(e.startMonth ? { startMonth: e.startMonth } : {}),
    platformFeePercent: e.platformFeePercent,
    ...(e.currentPeriodStart && e.currentPeriodEnd
      ? { currentPeriod: { start: e.currentPeriodStart, end: e.currentPeriodEnd } }
      : {}),
    nextRenewalAt: renews ? (e.currentPeriodEnd ?? null) : null,
    cancelAtPeriodEnd: e.cancelAtPeriodEnd === true,
    payoutsReady,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
export type EngagementView = ReturnType<typeof engagementView>;

const payoutsReadyOf = async (professionalIds: string[]) => {
  const unique = [...new Set(professionalIds)];
  const accounts = await Promise.all(unique.map((id) => payoutAccounts.get(id)));
  return new Map(unique.map((id, i) => [id, accounts[i]?.ready === true]));
};

export async function myEngagements(
  userId: string,
  role: 'firm' | 'professional',
): Promise<EngagementView[]> {
  const list =
    role === 'firm' ? await engagements.forFirm(userId) : await engagements.forProfessional(userId);
  const ready = await payoutsReadyOf(list.map((e) => e.professionalId));
  return list.map((e) => engagementView(e, userId, ready.get(e.professionalId) === true));
}

export async function oneEngagement(userId: string, id: string): Promise<EngagementView> {
  const e = await partyEngagement(userId, id);
  const ready = await payoutsReadyOf([e.professionalId]);
  return engagementView(e, userId, ready.get(e.professionalId) === true);
}

/** One row per paid or failed month, oldest first. */
export async function engagementInvoices(userId: string, id: string) {
  const e = await partyEngagement(userId, id);
  const rows = await ledger.forEngagement(e.id);
  return rows.map((r) => ({
    invoiceId: r.invoiceId,
    month: monthInJapan(r.periodStart),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    grossJpy: r.grossJpy,
    platformFeeJpy: r.platformFeeJpy,
    feeTaxJpy: r.feeTaxJpy,
    netJpy: r.netJpy,
    status: r.status,
    hostedInvoiceUrl: r.hostedInvoiceUrl,
    ...(r.status === 'paid' ? { paidAt: r.at } : {}),
  }));
}
