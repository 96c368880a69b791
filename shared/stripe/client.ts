import Stripe from 'stripe';
import { config } from '../config.ts';
import { stripeSecrets } from './secrets.ts';
import { STRIPE_API_VERSION } from './version.ts';

let cached: Stripe | undefined;

/**
 * The Stripe SDK, at the pinned API version. `STRIPE_API_BASE` points it at another server speaking Stripe's
 * API (the local Stripe); the product's code is the same either way.
 */
export async function stripe(): Promise<Stripe> {
  if (cached) return cached;
  const { secretKey } = await stripeSecrets();
  const base = config().STRIPE_API_BASE;
  const url = base ? new URL(base) : undefined;
  cached = new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    appInfo: { name: 'kakehashi' },
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
          protocol: url.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
  return cached;
}
