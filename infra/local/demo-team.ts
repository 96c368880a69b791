import { type User, users } from '#shared/accounts/user.entity.ts';
import { apply } from '#shared/applications/apply.ts';
import { decideApplication } from '#shared/applications/decide.ts';
import { payoutStatus } from '#shared/billing/payout-status.ts';
import { startPayoutOnboarding } from '#shared/billing/start-payout-onboarding.ts';
import { billingCustomers } from '#shared/billing/stripe-account.entity.ts';
import { setShares } from '#shared/engagements/set-shares.ts';
import { startCheckout } from '#shared/engagements/start-checkout.ts';
import { createTeam } from '#shared/teams/create-team.ts';
import { inviteToTeam } from '#shared/teams/invite-to-team.ts';
import { joinTeam } from '#shared/teams/join-team.ts';
import { myTeams } from '#shared/teams/my-teams.ts';

export const DEMO_TEAM = {
  director: 'minowa-director@demo.kakehashi.jp',
  members: [1, 2, 3, 4].map((n) => `minowa-team${n}@demo.kakehashi.jp`),
  firm: 'minowa-town@demo.kakehashi.jp',
  projectKey: 'minowa-team-events',
  /** The director's share is larger: she takes the orders and divides the work. */
  shares: [28, 18, 18, 18, 18],
  paidMonths: 3,
};

/**
 * The Minowa model for the demo, made the way people make it: the crowd director creates the team and invites
 * four members, who join; she applies for the town hall's project as the team; the town accepts; she sets the
 * shares; everyone sets up payouts on the local Stripe; the town pays, and its customer's clock runs two more
 * months, so there are three paid months, each split and transferred to the five. Only against the local Stripe.
 */
export async function seedTeam(
  localStripeUrl: string,
  userIds: Map<string, string>,
  projectId: string,
): Promise<void> {
  const control = async (path: string, json: unknown) => {
    const res = await fetch(`${localStripeUrl}/_local/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    if (!res.ok) throw new Error(`local Stripe ${path}: ${res.status} ${await res.text()}`);
  };
  const user = async (email: string) => (await users.get(userIds.get(email) as string)) as User;
  const director = await user(DEMO_TEAM.director);
  if ((await myTeams(director, { limit: 1 })).items.length > 0) return; // seeded before
  const firm = await user(DEMO_TEAM.firm);
  const members = await Promise.all(DEMO_TEAM.members.map(user));
  const team = await createTeam(director, {
    name: '箕輪クラウドチーム',
    description:
      '箕輪町で育ったクラウドワーカーのチーム。ディレクターが受注して仕事を分け、子育て中のメンバーも自分の時間で働きます。',
  });
  for (const m of members) {
    await inviteToTeam(director, team.id, m.email as string);
    await joinTeam(m, team.id);
  }
  const application = await apply(
    director,
    projectId,
    '5人のチームで、企画・受付・SNS・当日運営を分担して毎月お引き受けします。',
    team.id,
  );
  const { engagementId } = await decideApplication(firm.userId, application.id, 'accept');
  if (!engagementId) return;
  const everyone = [director, ...members];
  await setShares(
    director.userId,
    engagementId,
    everyone.map((p, i) => ({ userId: p.userId, percent: DEMO_TEAM.shares[i] as number })),
  );
  for (const p of everyone) {
    const link = await startPayoutOnboarding(p);
    await control(`accounts/${new URL(link.url).searchParams.get('account')}/complete_onboarding`, {});
  }
  // Payouts are ready once Stripe's account.updated has been applied.
  for (let wait = 0; wait < 100; wait++) {
    const ready = await Promise.all(
      everyone.map(async (p) => (await payoutStatus(p.userId)).status === 'ready'),
    );
    if (ready.every(Boolean)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const { url } = await startCheckout(firm, engagementId);
  await control(`checkout_sessions/${new URL(url).pathname.split('/').filter(Boolean).at(-1)}/complete`, {
    card: 'succeeds',
  });
  const customer = (await billingCustomers.get(firm.userId))?.customerId;
  for (let month = 1; month < DEMO_TEAM.paidMonths && customer; month++)
    await control('clock/advance', { months: 1, customer });
}
