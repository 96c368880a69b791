import Stripe from 'stripe';
import type { Delivery, StripeData } from './state.ts';

/** Stripe's retries are spread over days; locally the same idea over 45 seconds, then the event is marked failed. */
export const RETRY_DELAYS_MS = [250, 1000, 3000, 10_000, 30_000];

export type WebhookSenderOptions = {
  /** Where events are POSTed (the product's `/v1/webhooks/stripe`); none: events are only recorded. */
  url: string | undefined;
  secret: string;
  data: StripeData;
  changed: () => void;
  retryDelaysMs?: number[];
  timeoutMs?: number;
};

/**
 * Delivers events as Stripe does: a JSON body signed in the `Stripe-Signature` scheme (the SDK's own
 * `generateTestHeaderString`, so `constructEvent` verifies it), one request at a time, oldest event
 * first, retried with backoff on a non-2xx answer or a network error. A retry waits its turn without
 * holding back the events behind it, and none of this blocks the API.
 */
export class WebhookSender {
  private readonly options: WebhookSenderOptions;
  private readonly delays: number[];
  private enabledNow = true;
  /** Customers whose events are recorded but not sent: a test delivers them itself, in the order it wants. */
  private readonly heldCustomers = new Set<string>();
  /** Event id → when its next attempt is due (ms). */
  private readonly waiting = new Map<string, number>();
  private readonly sequence = new Map<string, number>();
  private readonly byId = new Map<string, Stripe.Event>();
  private busy: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(options: WebhookSenderOptions) {
    this.options = options;
    this.delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    for (const event of options.data.events) this.track(event);
    // Deliveries that were under way when the local Stripe last stopped carry on.
    for (const [id, delivery] of Object.entries(options.data.deliveries))
      if (delivery.status === 'pending') this.waiting.set(id, Date.now());
    this.pump();
  }

  get enabled(): boolean {
    return this.enabledNow;
  }

  /**
   * Pausing keeps recording events (marked `skipped`, never sent): a benchmark then sends them itself.
   * With a customer, only the events of that customer's objects are held, and the rest flow as usual.
   */
  setEnabled(enabled: boolean, customer?: string): void {
    if (customer) {
      if (enabled) this.heldCustomers.delete(customer);
      else this.heldCustomers.add(customer);
      return;
    }
    this.enabledNow = enabled;
    this.pump();
  }

  private held(event: Stripe.Event): boolean {
    if (!this.heldCustomers.size) return false;
    const object = event.data.object as { id?: string; customer?: string | { id: string } | null };
    const customer = typeof object.customer === 'string' ? object.customer : object.customer?.id;
    return (
      (customer !== undefined && this.heldCustomers.has(customer)) || this.heldCustomers.has(object.id ?? '')
    );
  }

  /** How many endpoints a new event goes to: its `pending_webhooks`. */
  endpoints(): number {
    return this.options.url && this.enabledNow ? 1 : 0;
  }

  enqueue(event: Stripe.Event): void {
    this.track(event);
    const sending = this.endpoints() > 0 && !this.held(event);
    this.options.data.deliveries[event.id] = { status: sending ? 'pending' : 'skipped', attempts: [] };
    if (sending) {
      this.waiting.set(event.id, Date.now());
      this.pump();
    }
  }

  delivery(id: string): Delivery | undefined {
    return this.options.data.deliveries[id];
  }

  /**
   * The exact body signed and sent. The stored event keeps `pending_webhooks` as it was at creation so
   * every attempt sends the same bytes; `GET /v1/events` shows the live count.
   */
  static payload(event: Stripe.Event): string {
    return JSON.stringify(event, null, 2);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.busy;
  }

  private track(event: Stripe.Event) {
    this.sequence.set(event.id, this.sequence.size);
    this.byId.set(event.id, event);
  }

  private pump(): void {
    if (this.busy || this.stopped || !this.enabledNow) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    let next: string | undefined;
    let soonest = Number.POSITIVE_INFINITY;
    for (const [id, due] of this.waiting) {
      if (due <= now) {
        if (next === undefined || (this.sequence.get(id) ?? 0) < (this.sequence.get(next) ?? 0)) next = id;
      } else soonest = Math.min(soonest, due);
    }
    if (next === undefined) {
      if (soonest !== Number.POSITIVE_INFINITY) {
        this.timer = setTimeout(() => this.pump(), soonest - now);
        this.timer.unref();
      }
      return;
    }
    this.waiting.delete(next);
    const id = next;
    this.busy = this.deliver(id).finally(() => {
      this.busy = undefined;
      this.pump();
    });
  }

  private async deliver(id: string): Promise<void> {
    const event = this.byId.get(id);
    const delivery = this.options.data.deliveries[id];
    const url = this.options.url;
    if (!event || !delivery || !url) return;
    const payload = WebhookSender.payload(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.options.secret });
    const started = performance.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
        },
        body: payload,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.options.timeoutMs ?? 10_000)]),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    }
    delivery.attempts.push({
      at: new Date().toISOString(),
      signature,
      ...(status !== undefined ? { status } : {}),
      ...(error !== undefined ? { error } : {}),
      ms: Math.round(performance.now() - started),
    });
    if (status !== undefined && status >= 200 && status < 300) {
      delivery.status = 'delivered';
    } else {
      const delay = this.delays[delivery.attempts.length - 1];
      if (delay !== undefined && !this.stopped) this.waiting.set(id, Date.now() + delay);
      else if (delay === undefined) {
        delivery.status = 'failed';
      }
    }
    this.options.changed();
  }
}
