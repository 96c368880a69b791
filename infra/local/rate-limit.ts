/** A per-client rate: a token bucket of `burst` requests, refilled at `perSecond`. */
export type RateLimit = {
  /** Requests a client may make per second, sustained (the bucket's refill rate). */
  perSecond: number;
  /** Requests a client may make at once (the bucket's size). */
  burst: number;
  /** The clock, in milliseconds: tests move it instead of sleeping. */
  now?: () => number;
};

/**
 * Generous on purpose: `npm test` runs every test file against one gateway from 127.0.0.1, and the demo is one
 * person clicking. A lower rate for a session comes from `RATE_LIMIT_PER_SECOND` / `RATE_LIMIT_BURST`
 * (infra/local/start.ts).
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 1000, burst: 5000 };

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How many clients' buckets are kept before the full ones (clients idle long enough) are forgotten. */
const PRUNE_AT = 10_000;

/** One token bucket per key (a client IP): `take(key)` spends a token or says how long until there is one. */
export function tokenBuckets({ perSecond, burst, now = Date.now }: RateLimit): (key: string) => Verdict {
  if (!(perSecond > 0) || !(burst >= 1)) throw new Error(`rate limit: ${perSecond}/s, burst ${burst}`);
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refilled = (bucket: { tokens: number; at: number }, t: number) =>
    Math.min(burst, bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * perSecond);
  return (key) => {
    const t = now();
    if (buckets.size >= PRUNE_AT) {
      for (const [k, b] of buckets) if (refilled(b, t) >= burst) buckets.delete(k);
    }
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = refilled(bucket, t);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  };
}

/** The client's address as one key whether it came over IPv4 or as an IPv4-mapped IPv6 address. */
export const clientKey = (address: string | undefined) => (address ?? 'unknown').replace(/^::ffff:/, '');
