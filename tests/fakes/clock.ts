/** A clock tests move by hand, and counters standing in for UUIDs. */
import type { Clock, IdSource } from '../../lib/sync';

export interface FixedClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

export function createFixedClock(start = '2025-01-15T10:00:00.000Z'): FixedClock {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
    set: (iso) => {
      time = Date.parse(iso);
    },
  };
}

export function createCounterIds(prefix = 'req'): IdSource {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}
