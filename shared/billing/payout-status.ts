import { stripe } from '../stripe/client.ts';
import type { PayoutStatus } from './contract.ts';
import { payoutAccounts } from './stripe-account.entity.ts';

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
