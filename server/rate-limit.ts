/**
 * Per-client limits for the broker's token calls: a token bucket per client (origin and address),
 * so one misbehaving extension or script cannot make the broker hammer Intuit on everyone's behalf.
 * A refused call gets how long to wait, for a `Retry-After` header.
 */
export interface RateLimit {
  /** Calls a client may make at once before it must wait. */
  burst: number;
  /** Calls a client regains per minute. */
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 20, perMinute: 30 };

export function createRateLimiter(limit: RateLimit, now: () => number = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return {
    /** 0 when the call may go ahead (and is counted), else the milliseconds until it may. */
    take(client: string): number {
      const t = now();
      const bucket = buckets.get(client) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(client, bucket);
      // Idle clients are forgotten once their bucket is full again: memory stays bounded.
      if (buckets.size > 10_000) for (const [key, b] of buckets) if (b.tokens >= limit.burst) buckets.delete(key);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perMs);
    },
  };
}
