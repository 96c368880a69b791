import { tableName } from '../data/client.ts';

/**
 * A Stripe event that has been applied: written in the same transaction as its effect, so an event delivered
 * twice (or twice at once) is applied once. Kept 30 days (Stripe retries for three).
 *  - applied(eventId)   conditional Put  PK=STRIPE_EVENT#<id>, SK=EVENT
 */
const KEEP_SECONDS = 30 * 24 * 3600;

export const stripeEventKeys = { primary: (id: string) => ({ PK: `STRIPE_EVENT#${id}`, SK: 'EVENT' }) };

/** The marker of an applied event, as a part of the transaction that applies it (it fails if applied before). */
export function appliedEventMarker(event: { id: string; type: string }, at: string) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...stripeEventKeys.primary(event.id),
        type: 'StripeEvent',
        eventType: event.type,
        appliedAt: at,
        expiresAtEpoch: Math.floor(Date.parse(at) / 1000) + KEEP_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export type AppliedEventMarker = ReturnType<typeof appliedEventMarker>;
