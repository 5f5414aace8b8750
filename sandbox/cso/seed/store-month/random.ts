// A small seeded generator (mulberry32) so a store month is the same for the same seed, on every
// machine and Node version: Math.random cannot be seeded.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
    chance: (p) => next() < p,
  };
}

/** One stream per (seed, station, day): a day reads the same whatever the month's size. */
export const streamSeed = (seed: number, ...parts: number[]) =>
  parts.reduce((h, p) => Math.imul(h ^ p, 0x9e3779b1) >>> 0, seed >>> 0);
