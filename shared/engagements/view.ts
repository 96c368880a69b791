import { payoutAccounts } from '../billing/stripe-account.entity.ts';
import type { Engagement } from './engagement.entity.ts';

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

/** Whether each professional can be paid out now. */
export const payoutsReadyOf = async (professionalIds: string[]) => {
  const unique = [...new Set(professionalIds)];
  const accounts = await Promise.all(unique.map((id) => payoutAccounts.get(id)));
  return new Map(unique.map((id, i) => [id, accounts[i]?.ready === true]));
};
