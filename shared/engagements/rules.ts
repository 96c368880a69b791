/**
 * An engagement's life (BRIEF 2.3), decided from the state of its Stripe subscription rather than from the type
 * of the event that reported it: events arrive late, twice or out of order, and the subscription as Stripe has it
 * now is the one truth they all converge to.
 */
export const ENGAGEMENT_STATES = [
  'awaiting_payment',
  'active',
  'paused',
  'past_due',
  'ending',
  'ended',
] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

/** What the state depends on in a subscription (Stripe's fields, without Stripe's types: the domain is plain). */
export type SubscriptionFacts = {
  status: string;
  pauseCollection: boolean;
  cancelAtPeriodEnd: boolean;
  /** A moment set to cancel at (the 30 days' notice of a long engagement may run past the period's end). */
  cancelAt?: boolean;
};

export function stateOfSubscription(s: SubscriptionFacts): EngagementState {
  switch (s.status) {
    case 'canceled':
    case 'incomplete_expired':
      return 'ended';
    case 'past_due':
    case 'unpaid':
      return 'past_due';
    case 'incomplete':
      return 'awaiting_payment';
    case 'paused':
      return 'paused';
    default:
      // active, trialing
      if (s.cancelAtPeriodEnd || s.cancelAt) return 'ending';
      if (s.pauseCollection) return 'paused';
      return 'active';
  }
}

export type EngagementAction = 'checkout' | 'pause' | 'resume' | 'cancel';

/** Which of the firm's actions each state allows; the reason is shown to the firm when it does not. */
export function canDo(
  state: EngagementState,
  action: EngagementAction,
): { ok: true } | { ok: false; reason: string } {
  const allowed: Record<EngagementAction, readonly EngagementState[]> = {
    checkout: ['awaiting_payment'],
    pause: ['active'],
    // Resuming an ending engagement takes back "cancel at period end" while the period runs.
    resume: ['paused', 'ending'],
    cancel: ['active', 'paused', 'past_due'],
  };
  if (allowed[action].includes(state)) return { ok: true };
  const reasons: Record<EngagementAction, string> = {
    checkout: 'This engagement is already paid for; manage it from its page.',
    pause: 'Only an active engagement can be paused.',
    resume: 'Only a paused engagement, or one set to end at the end of its period, can be resumed.',
    cancel: 'This engagement is already ending or ended.',
  };
  return { ok: false, reason: reasons[action] };
}

/** One version of a team engagement's shares: from which paid period on it applies ('' = the first). */
export type SharesVersionFacts = { seq: number; from: string };

/**
 * The version that pays a period starting at `periodStart`: the latest (highest number) of those already in
 * force then. Deterministic, so a webhook retried a week later splits the month the same way.
 */
export function sharesFor<V extends SharesVersionFacts>(
  versions: readonly V[],
  periodStart: string,
): V | undefined {
  let chosen: V | undefined;
  for (const v of versions) if (v.from <= periodStart && (!chosen || v.seq > chosen.seq)) chosen = v;
  return chosen;
}

/** A change of shares applies from the next paid month: the start of the next period, or the first if none has begun. */
export const sharesStartFrom = (e: { currentPeriodEnd?: string | undefined }) => e.currentPeriodEnd ?? '';
