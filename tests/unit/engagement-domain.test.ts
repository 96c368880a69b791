import { describe, expect, it } from 'vitest';
import { canDo, stateOfSubscription } from '#shared/engagements/rules.ts';

const sub = (
  status: string,
  extra: Partial<{ pauseCollection: boolean; cancelAtPeriodEnd: boolean }> = {},
) => ({
  status,
  pauseCollection: false,
  cancelAtPeriodEnd: false,
  ...extra,
});

describe('engagement state from the subscription as Stripe has it', () => {
  it.each([
    [sub('incomplete'), 'awaiting_payment'],
    [sub('active'), 'active'],
    [sub('trialing'), 'active'],
    [sub('active', { pauseCollection: true }), 'paused'],
    [sub('active', { cancelAtPeriodEnd: true }), 'ending'],
    [sub('active', { pauseCollection: true, cancelAtPeriodEnd: true }), 'ending'],
    [sub('past_due'), 'past_due'],
    [sub('unpaid'), 'past_due'],
    [sub('canceled'), 'ended'],
    [sub('canceled', { cancelAtPeriodEnd: true }), 'ended'],
    [sub('incomplete_expired'), 'ended'],
  ] as const)('%o → %s', (facts, state) => {
    expect(stateOfSubscription(facts)).toBe(state);
  });
});

describe("the firm's actions by state", () => {
  it('checkout only while awaiting payment; pause when active; resume when paused; cancel until ending', () => {
    expect(canDo('awaiting_payment', 'checkout').ok).toBe(true);
    expect(canDo('active', 'checkout').ok).toBe(false);
    expect(canDo('active', 'pause').ok).toBe(true);
    expect(canDo('paused', 'pause').ok).toBe(false);
    expect(canDo('paused', 'resume').ok).toBe(true);
    expect(canDo('active', 'resume').ok).toBe(false);
    // Resuming an ending engagement takes the cancellation back while its period runs.
    expect(canDo('ending', 'resume').ok).toBe(true);
    expect(canDo('ended', 'resume').ok).toBe(false);
    expect(canDo('past_due', 'cancel').ok).toBe(true);
    expect(canDo('ending', 'cancel').ok).toBe(false);
    expect(canDo('ended', 'cancel').ok).toBe(false);
  });
});
