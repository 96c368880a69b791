import type { User } from '../accounts/user.entity.ts';
import { config } from '../config.ts';
import { stripe } from '../stripe/client.ts';
import { payoutAccounts } from './stripe-account.entity.ts';

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
