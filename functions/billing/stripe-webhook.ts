import { applyStripeEvent, verifiedEvent } from '#shared/billing/stripe-webhook.ts';
import { api } from '#shared/http/api.ts';
import { logger } from '#shared/logger.ts';
import * as routes from './routes.ts';

/** Stripe signs the exact bytes it sent: verify those, never a re-serialised body. */
export const handler = api(routes.stripeWebhook, async ({ event: request }) => {
  const raw = request.isBase64Encoded
    ? Buffer.from(request.body ?? '', 'base64').toString('utf8')
    : (request.body ?? '');
  const event = await verifiedEvent(raw, request.headers?.['stripe-signature']);
  const outcome = await applyStripeEvent(event);
  logger.info('stripe event', { id: event.id, type: event.type, outcome });
  return { json: { received: true as const } };
});
