import Stripe from 'stripe';
import { STRIPE_API_VERSION } from '#shared/stripe/version.ts';
import { LOCAL_STRIPE_KEYS } from '../../infra/local/stripe/index.ts';
import { cloud } from './api.ts';
import { eventually } from './eventually.ts';

export { LOCAL_STRIPE_KEYS };

/** The local Stripe of the cloud the tests run against (global-setup always starts one). */
export function stripeUrl(): string {
  const url = cloud().stripeUrl;
  if (!url) throw new Error('the local cloud runs without the local Stripe');
  return url;
}

/** The SDK pointed at a local Stripe the way shared/stripe/client.ts points the product's (host, port, protocol). */
export function stripeAt(base: string): Stripe {
  const url = new URL(base);
  return new Stripe(LOCAL_STRIPE_KEYS.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

/** The SDK at the cloud's local Stripe. */
export const localStripe = () => stripeAt(stripeUrl());

export type ControlAnswer<T = any> = { status: number; body: T };

/** `/_local/…` controls of a local Stripe (the cloud's by default): JSON in and out. */
export async function stripeControl<T = any>(
  method: 'GET' | 'POST',
  path: string,
  json?: unknown,
  base = stripeUrl(),
): Promise<ControlAnswer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    ...(json !== undefined
      ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export type RecordedEvent = {
  event: Stripe.Event;
  payload: string;
  delivery: {
    status: 'pending' | 'delivered' | 'failed' | 'skipped';
    attempts: { at: string; signature: string; status?: number; error?: string }[];
  };
};

/** Every event recorded after `after` (an event id), oldest first, with its deliveries. */
export async function recordedEvents(after?: string, base = stripeUrl()): Promise<RecordedEvent[]> {
  const query = after ? `?after=${after}` : '';
  return (await stripeControl<{ items: RecordedEvent[] }>('GET', `/_local/events${query}`, undefined, base))
    .body.items;
}

/** The id of the newest event so far: a test then looks only at what it caused. */
export async function lastEventId(base = stripeUrl()): Promise<string | undefined> {
  const { body } = await stripeControl<{ items: RecordedEvent[] }>(
    'GET',
    '/_local/events?tail=1',
    undefined,
    base,
  );
  return body.items.at(-1)?.event.id;
}

/** Waits until every event after `after` has been answered by the product (none still pending delivery). */
export async function webhooksSettled(after: string | undefined, base = stripeUrl()): Promise<void> {
  await eventually(async () => {
    const pending = (await recordedEvents(after, base)).filter((e) => e.delivery.status === 'pending');
    if (pending.length) throw new Error(`${pending.length} webhooks still pending`);
  });
}
