/**
 * A clock the sandboxes read instead of Date.now(), so tests can freeze time, jump it forward
 * (token expiry, CDC windows, rate windows) and benchmarks can run it faster than real time.
 *
 * Simulated time = anchor + (real elapsed since anchor) × speed. speed 0 freezes it, 1 is real
 * time, 60 makes a real second count as a simulated minute.
 */
export interface SandboxClock {
  /** Simulated epoch milliseconds. */
  now(): number;
  /** Jump forward (or back, with a negative value) by `ms` simulated milliseconds. */
  advance(ms: number): void;
  /** Put the clock at an absolute epoch-millisecond instant. */
  set(epochMs: number): void;
  setSpeed(speed: number): void;
  speed(): number;
}

export interface ClockOptions {
  /** Simulated epoch ms at creation; defaults to the real time. */
  start?: number;
  /** 1 = real time (default), 0 = frozen, N = N times faster. */
  speed?: number;
  /** Real monotonic milliseconds; injectable so the clock itself can be tested. */
  realNow?: () => number;
}

export function createClock(options: ClockOptions = {}): SandboxClock {
  const realNow = options.realNow ?? (() => performance.now());
  let speed = options.speed ?? 1;
  let anchorSim = options.start ?? Date.now();
  let anchorReal = realNow();

  const now = (): number => Math.floor(anchorSim + (realNow() - anchorReal) * speed);
  // Re-anchoring before every change keeps time continuous when the speed changes.
  const reanchor = (): void => {
    anchorSim = now();
    anchorReal = realNow();
  };

  return {
    now,
    advance(ms) {
      reanchor();
      anchorSim += ms;
    },
    set(epochMs) {
      anchorSim = epochMs;
      anchorReal = realNow();
    },
    setSpeed(next) {
      if (!(next >= 0) || !Number.isFinite(next))
        throw new RangeError(`clock speed must be a finite number >= 0, got ${next}`);
      reanchor();
      speed = next;
    },
    speed: () => speed,
  };
}

/** Parses durations such as 90000, "90s", "15m", "2h", "31d" into milliseconds. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!match) throw new RangeError(`not a duration: ${value}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1;
  return Math.round(Number(match[1]) * unit);
}
