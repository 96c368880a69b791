import { users } from '#shared/accounts/user.entity.ts';
import { applications } from '#shared/applications/application.entity.ts';
import { decideApplication } from '#shared/applications/decide.ts';
import { payoutStatus } from '#shared/billing/payout-status.ts';
import { startPayoutOnboarding } from '#shared/billing/start-payout-onboarding.ts';
import { startCheckout } from '#shared/engagements/start-checkout.ts';

export type DemoRetainer = { applicationId: string; firmId: string; professionalId: string };

/**
 * A running retainer for the demo, made the way people make one: the professional completes payout onboarding
 * on the local Stripe, the firm accepts and pays its first month with the test card that succeeds. The webhooks
 * then make the engagement active, as they would in the cloud. Only against the local Stripe: the demo never
 * charges a real card.
 */
export async function seedRetainers(retainers: DemoRetainer[], localStripeUrl: string): Promise<void> {
  const control = async (path: string, json: unknown) => {
    const res = await fetch(`${localStripeUrl}/_local/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    if (!res.ok) throw new Error(`local Stripe ${path}: ${res.status} ${await res.text()}`);
  };
  for (const r of retainers) {
    const application = await applications.get(r.applicationId);
    const [firm, pro] = await Promise.all([users.get(r.firmId), users.get(r.professionalId)]);
    if (application?.status !== 'submitted' || !firm || !pro) continue;
    if ((await payoutStatus(pro.userId)).status !== 'ready') {
      const link = await startPayoutOnboarding(pro);
      await control(`accounts/${new URL(link.url).searchParams.get('account')}/complete_onboarding`, {});
      // As the payouts page does: ask Stripe rather than wait for the webhook, which a busy machine delays.
      if ((await payoutStatus(pro.userId)).status !== 'ready')
        throw new Error(`demo payouts of ${pro.displayName} not ready after onboarding`);
    }
    const { engagementId } = await decideApplication(firm.userId, application.id, 'accept');
    if (!engagementId) continue;
    const { url } = await startCheckout(firm, engagementId);
    const session = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    await control(`checkout_sessions/${session}/complete`, { card: 'succeeds' });
  }
}
