/**
 * QBO's throttles as sliding windows on the sandbox clock: 500 requests/min per realm, 10/s per
 * realm+app, 40 batch calls/min per realm+app (qbo-api.md §8). A refused request is not counted.
 */
import { LIMITS } from '../options';

export interface RateLimiter {
  /** Records the request and returns true, or returns false (throttled) without recording it. */
  admit(realmId: string, appId: string, isBatch: boolean): boolean;
  reset(): void;
}

export function createRateLimiter(deps: { now: () => number }): RateLimiter {
  let windows = new Map<string, number[]>();

  // Timestamps stay sorted because the clock only moves forward between requests.
  const recent = (key: string, spanMs: number, now: number): number[] => {
    const list = windows.get(key) ?? [];
    let drop = 0;
    while (drop < list.length && (list[drop] as number) <= now - spanMs) drop += 1;
    const kept = drop > 0 ? list.slice(drop) : list;
    windows.set(key, kept);
    return kept;
  };

  return {
    admit(realmId, appId, isBatch) {
      const now = deps.now();
      const perRealm = recent(`realm:${realmId}`, 60_000, now);
      const perApp = recent(`app:${realmId}:${appId}`, 1_000, now);
      const batches = isBatch ? recent(`batch:${realmId}:${appId}`, 60_000, now) : [];
      if (perRealm.length >= LIMITS.perRealmPerMinute) return false;
      if (perApp.length >= LIMITS.perRealmAppPerSecond) return false;
      if (isBatch && batches.length >= LIMITS.batchPerRealmAppPerMinute) return false;
      perRealm.push(now);
      perApp.push(now);
      if (isBatch) batches.push(now);
      return true;
    },
    reset() {
      windows = new Map();
    },
  };
}
