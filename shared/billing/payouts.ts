import { config } from '../config.ts';
import { payoutAccounts } from './stripe-account.entity.ts';
import type { User } from '../accounts/user.entity.ts';
import { stripe } from '../stripe/client.ts';

export type PayoutStatus = 'not_started' | 'pending' | 'ready';

/**
 * A professional's payouts: a Stripe Connect Express account, created once, and an Account Link to
 * Stripe's onboarding (a link is single-use and short-lived, so each call makes a new one).
 */
export async function startPayoutOnboarding(pro: User): Promise<{ url: string }> {
  const client = await stripe();
  let account = await payoutAccounts.get(pro.userId);
  if (!account) {
    const created = await client.accounts.create(
      {
        type: 'express',
        country: 'JP',
        email: pro.email,
        business_type: 'individual',
        capabilities: { transfers: { requested: true } },
        metadata: { userId: pro.userId },
      },
      { idempotencyKey: `payout-account-${pro.userId}` },
    );
    account = await payoutAccounts.keep(pro.userId, created.id);
  }
  const web = config().WEB_ORIGIN;
  const link = await client.accountLinks.create({
    account: account.accountId,
    type: 'account_onboarding',
    refresh_url: `${web}/payouts?onboarding=refresh`,
    return_url: `${web}/payouts?onboarding=done`,
  });
  return { url: link.url };
}

/** Ready when Stripe can pay the account out; a pending account is asked about again (the webhook may lag). */
export async function payoutStatus(userId: string): Promise<{ status: PayoutStatus }> {
  const account = await payoutAccounts.get(userId);
  if (!account) return { status: 'not_started' };
  if (account.ready) return { status: 'ready' };
  const live = await (await stripe()).accounts.retrieve(account.accountId);
  const ready = live.payouts_enabled === true && live.details_submitted === true;
  if (ready) await payoutAccounts.setReady(userId, account.accountId, true);
  return { status: ready ? 'ready' : 'pending' };
}
