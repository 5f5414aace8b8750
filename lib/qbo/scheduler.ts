/**
 * Keeps each realm inside QBO's published limits (500 requests/min, 10/s, 40 batch calls/min, and
 * historically 10 concurrent requests) by spacing requests out before they are sent, instead of
 * learning the limits from 429s. One scheduler should be shared by every client of a realm.
 */
export interface SchedulerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RateLimits {
  perSecond: number;
  perMinute: number;
  batchPerMinute: number;
  maxConcurrent: number;
}

/**
 * A little under QBO's numbers: QBO counts arrivals, we count departures, and network jitter can
 * squeeze two departures a second apart into one arrival second. 8 a second, not 9: the minute's
 * 480 already averages 8 a second, so a higher rate only buys bursts, and QBO's 10 a second counts
 * every request of the app on the realm, ours and those this scheduler never sees (a second browser,
 * a script on the same app): 8 leaves two of theirs room in any second, and a 429 costs a minute.
 */
const DEFAULT_LIMITS: RateLimits = { perSecond: 8, perMinute: 480, batchPerMinute: 38, maxConcurrent: 8 };

export type CallKind = 'call' | 'batch';

export interface QboScheduler {
  /** Waits for a free slot in the realm's windows, then runs `task` (counted when it starts). */
  run<T>(realmId: string, kind: CallKind, task: () => Promise<T>): Promise<T>;
  /** Holds every request of the realm until `untilMs` (after a 429: the whole realm backs off). */
  pause(realmId: string, untilMs: number): void;
}

interface RealmState {
  sends: number[];
  batchSends: number[];
  blockedUntil: number;
  gate: Promise<void>;
  active: number;
  waiting: (() => void)[];
}

/** Milliseconds until one more event fits in a window that allows `limit` per `windowMs`. */
export function waitForWindow(times: readonly number[], limit: number, windowMs: number, now: number): number {
  if (times.length < limit) return 0;
  const oldestCounted = times[times.length - limit] ?? 0;
  return Math.max(0, oldestCounted + windowMs - now);
}

export function createScheduler(deps: { clock: SchedulerClock; limits?: Partial<RateLimits> }): QboScheduler {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const { clock } = deps;
  const realms = new Map<string, RealmState>();

  const stateOf = (realmId: string): RealmState => {
    let s = realms.get(realmId);
    if (!s) {
      s = { sends: [], batchSends: [], blockedUntil: 0, gate: Promise.resolve(), active: 0, waiting: [] };
      realms.set(realmId, s);
    }
    return s;
  };

  const prune = (times: number[], now: number): void => {
    while (times.length > 0 && (times[0] ?? 0) <= now - 60_000) times.shift();
  };

  /**
   * Departures are spread evenly instead of sent as a burst that uses the second's whole allowance
   * at once: QBO's per-second window also counts the app's requests this scheduler never sees (a
   * second browser or worker, a person's script on the same app), and a burst leaves them no room.
   * One 429 then holds the realm for Intuit's minute, which costs far more than the spacing does.
   */
  const minGapMs = Math.ceil(1000 / limits.perSecond);

  const waitMs = (s: RealmState, kind: CallKind, now: number): number => {
    prune(s.sends, now);
    prune(s.batchSends, now);
    const last = s.sends[s.sends.length - 1];
    return Math.max(
      s.blockedUntil - now,
      last === undefined ? 0 : last + minGapMs - now,
      waitForWindow(s.sends, limits.perSecond, 1000, now),
      waitForWindow(s.sends, limits.perMinute, 60_000, now),
      kind === 'batch' ? waitForWindow(s.batchSends, limits.batchPerMinute, 60_000, now) : 0,
    );
  };

  // Slots are granted one at a time, in arrival order, so two waiters never take the same slot.
  const takeSlot = (s: RealmState, kind: CallKind): Promise<void> => {
    const granted = s.gate.then(async () => {
      for (let wait = waitMs(s, kind, clock.now()); wait > 0; wait = waitMs(s, kind, clock.now()))
        await clock.sleep(wait);
      const now = clock.now();
      s.sends.push(now);
      if (kind === 'batch') s.batchSends.push(now);
    });
    s.gate = granted.catch(() => undefined);
    return granted;
  };

  const enter = async (s: RealmState): Promise<void> => {
    if (s.active < limits.maxConcurrent) {
      s.active += 1;
      return;
    }
    // The leaving task hands its place over directly, so `active` stays counted.
    await new Promise<void>((resolve) => s.waiting.push(resolve));
  };

  const leave = (s: RealmState): void => {
    const next = s.waiting.shift();
    if (next) next();
    else s.active -= 1;
  };

  return {
    async run(realmId, kind, task) {
      const s = stateOf(realmId);
      await enter(s);
      try {
        await takeSlot(s, kind);
        return await task();
      } finally {
        leave(s);
      }
    },
    pause(realmId, untilMs) {
      const s = stateOf(realmId);
      s.blockedUntil = Math.max(s.blockedUntil, untilMs);
    },
  };
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Clients made with the same clock share one scheduler, so successive sync runs of a realm (each
// with its own client) still count against the same per-minute window.
const sharedSchedulers = new WeakMap<SchedulerClock, QboScheduler>();

export function schedulerFor(clock: SchedulerClock, limits: Partial<RateLimits> | undefined): QboScheduler {
  if (limits) return createScheduler({ clock, limits });
  let scheduler = sharedSchedulers.get(clock);
  if (!scheduler) {
    scheduler = createScheduler({ clock });
    sharedSchedulers.set(clock, scheduler);
  }
  return scheduler;
}
