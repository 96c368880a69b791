import type * as z from 'zod';
import { users } from '../accounts/user.entity.ts';
import { monthlyChargeJpy } from '../billing/rules.ts';
import { payoutAccounts } from '../billing/stripe-account.entity.ts';
import type { Share } from '../teams/rules.ts';
import { teams } from '../teams/team.entity.ts';
import { feeTaxOf } from '../terms/facts.ts';
import { isLongEngagement } from '../terms/rules.ts';
import type { EngagementOut, MemberShareOut, TeamShareOut } from './contract.ts';
import type { Engagement } from './engagement.entity.ts';
import { sharesFor } from './rules.ts';
import { engagementShares } from './shares.entity.ts';

/** What a party sees of an engagement. Stripe's ids stay on the server. */
export function engagementView(
  e: Engagement,
  userId: string,
  payoutsReady: boolean,
  team?: z.output<typeof TeamShareOut>,
): EngagementOut {
  const renews = e.state === 'active' || e.state === 'past_due' || e.state === 'paused';
  return {
    id: e.id,
    projectId: e.projectId,
    applicationId: e.applicationId,
    title: e.title,
    yourRole: e.firmId === userId ? 'firm' : 'professional',
    firm: { id: e.firmId, name: e.firmName },
    professional: { id: e.professionalId, displayName: e.professionalName },
    state: e.state,
    monthlyFeeJpy: e.monthlyFeeJpy,
    feeTax: feeTaxOf(e),
    monthlyChargeJpy: monthlyChargeJpy(e.monthlyFeeJpy, feeTaxOf(e)),
    hoursPerMonth: e.hoursPerMonth,
    durationMonths: e.durationMonths,
    ...(e.startMonth ? { startMonth: e.startMonth } : {}),
    platformFeePercent: e.platformFeePercent,
    ...(e.currentPeriodStart && e.currentPeriodEnd
      ? { currentPeriod: { start: e.currentPeriodStart, end: e.currentPeriodEnd } }
      : {}),
    nextRenewalAt: renews ? (e.currentPeriodEnd ?? null) : null,
    cancelAtPeriodEnd: e.cancelAtPeriodEnd === true,
    endsAt: e.state === 'ending' ? (e.cancelAt ?? e.currentPeriodEnd ?? null) : null,
    long: isLongEngagement(
      { durationMonths: e.durationMonths, startedAt: e.createdAt },
      new Date().toISOString(),
    ),
    ...(e.ending ? { ending: e.ending } : {}),
    payoutsReady,
    ...(team ? { team } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
export type EngagementView = EngagementOut;

/** Whether each professional can be paid out now. */
export const payoutsReadyOf = async (professionalIds: string[]) => {
  const unique = [...new Set(professionalIds)];
  const accounts = await Promise.all(unique.map((id) => payoutAccounts.get(id)));
  return new Map(unique.map((id, i) => [id, accounts[i]?.ready === true]));
};

/**
 * A team engagement's shares as its parties see them: those paying the current period (or the first, before
 * payment starts) and, if the director changed them, the next ones with the period they start from.
 */
export async function teamShareView(e: Engagement, userId: string) {
  if (!e.teamId) return undefined;
  const versions = await engagementShares.all(e.id);
  const periodStart = e.currentPeriodStart ?? '';
  const current = sharesFor(versions, periodStart);
  const latest = versions.reduce<(typeof versions)[number] | undefined>(
    (a, v) => (!a || v.seq > a.seq ? v : a),
    undefined,
  );
  const next = latest && latest !== current && latest.from > periodStart ? latest : undefined;
  const director = e.professionalId === userId;
  const ids = [...(current?.shares ?? []), ...(next?.shares ?? [])].map((s) => s.userId);
  const [names, ready, members] = await Promise.all([
    users.byIds(ids),
    payoutsReadyOf(ids),
    director ? teams.activeMembers(e.teamId) : undefined,
  ]);
  const membersOf = (shares: Share[]): z.output<typeof MemberShareOut>[] =>
    shares.map((s) => ({
      userId: s.userId,
      displayName: names.get(s.userId)?.displayName ?? '—',
      percent: s.percent,
      payoutsReady: ready.get(s.userId) === true,
    }));
  const role = director ? 'director' : (e.memberIds ?? []).includes(userId) ? 'member' : undefined;
  return {
    id: e.teamId,
    name: e.teamName ?? '',
    directorId: e.professionalId,
    ...(role ? { yourTeamRole: role as 'director' | 'member' } : {}),
    shares: membersOf(current?.shares ?? []),
    ...(next ? { nextShares: { from: next.from, shares: membersOf(next.shares) } } : {}),
    ...(members ? { members: members.map((m) => ({ userId: m.userId, displayName: m.displayName })) } : {}),
  };
}

/** The engagement as the caller sees it, a team's shares included. */
export async function fullView(e: Engagement, userId: string, ready: Map<string, boolean>) {
  const team = await teamShareView(e, userId);
  const payoutsReady = team
    ? team.shares.filter((s) => s.percent > 0).every((s) => s.payoutsReady)
    : ready.get(e.professionalId) === true;
  return engagementView(e, userId, payoutsReady, team);
}
