import { users } from '../accounts/user.entity.ts';
import type { AppliedEventMarker } from '../billing/stripe-event.entity.ts';
import { sideOfSubscription } from '../billing/stripe-objects.ts';
import { config } from '../config.ts';
import { cancellationReasons } from '../data/transaction.ts';
import { logger } from '../logger.ts';
import { sendMailQuietly } from '../mail/send.ts';
import { stripe } from '../stripe/client.ts';
import { type Engagement, engagements } from './engagement.entity.ts';
import { engagementMails } from './mails.ts';

export type SyncResult = { engagement: Engagement; applied: boolean };

/**
 * Brings an engagement to the state of its subscription as Stripe has it NOW (not as the event that woke us
 * described it), so late, repeated or reordered events all converge. Read the engagement, then ask Stripe,
 * then write conditioned on the version read: a concurrent sync that wrote in between makes us start over,
 * and our second look at Stripe is at least as recent as theirs.
 */
export async function syncEngagement(
  engagementId: string,
  subscriptionId: string,
  marker?: AppliedEventMarker,
): Promise<SyncResult | undefined> {
  const client = await stripe();
  for (let attempt = 0; attempt < 6; attempt++) {
    const read = await engagements.get(engagementId);
    if (!read) return undefined;
    const subscription = await client.subscriptions.retrieve(subscriptionId);
    if (subscription.metadata?.engagementId !== engagementId) {
      logger.warn('subscription does not belong to the engagement', { engagementId, subscriptionId });
      return undefined;
    }
    const side = sideOfSubscription(subscription);
    try {
      await engagements.applyStripe(read, side, marker);
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const reasons = cancellationReasons(error);
      if (marker && reasons[0] === 'ConditionalCheckFailed') return { engagement: read, applied: false };
      continue; // the engagement moved meanwhile: read both again
    }
    const engagement = { ...read, ...side, version: read.version + 1 };
    if (read.state !== side.state) await tellBothParties(engagement);
    return { engagement, applied: true };
  }
  throw new Error(`engagement ${engagementId} kept changing while syncing`);
}

/** The firm and the professional, or every member of a team. */
async function tellBothParties(e: Engagement) {
  const people = await users.byIds([e.firmId, e.professionalId, ...(e.memberIds ?? [])]);
  const mail = engagementMails.stateChanged({
    title: e.title,
    state: e.state,
    engagementId: e.id,
    appUrl: config().WEB_ORIGIN,
    ...(e.state === 'ending' && (e.cancelAt ?? e.currentPeriodEnd)
      ? { endsAt: (e.cancelAt ?? e.currentPeriodEnd) as string }
      : {}),
  });
  await Promise.all([...people.values()].map((p) => sendMailQuietly(p.email, mail)));
}
