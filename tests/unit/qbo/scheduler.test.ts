import { describe, expect, it } from 'vitest';
import { createScheduler, waitForWindow } from '@/lib/qbo';
import { fakeClock } from './fakes';

/** The largest number of events inside any window of `windowMs` (half-open). */
function peak(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j += 1) {
    while ((times[j] ?? 0) - (times[i] ?? 0) >= windowMs) i += 1;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe('waitForWindow', () => {
  it.each([
    [[], 2, 1000, 5000, 0],
    [[4500], 2, 1000, 5000, 0],
    [[4500, 4800], 2, 1000, 5000, 500],
    [[3000, 4800], 2, 1000, 5000, 0],
  ])('%j limit %i per %i ms at %i → wait %i', (times, limit, windowMs, now, wait) => {
    expect(waitForWindow(times, limit, windowMs, now)).toBe(wait);
  });
});

describe('createScheduler', () => {
  it('keeps 600 calls under 10 per second and 500 per minute', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { perSecond: 10, perMinute: 500 } });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 600 }, () => scheduler.run('r1', 'call', async () => void starts.push(clock.now()))),
    );
    expect(starts).toHaveLength(600);
    expect(peak(starts, 1000)).toBeLessThanOrEqual(10);
    expect(peak(starts, 60_000)).toBeLessThanOrEqual(500);
    expect(peak(starts, 1000)).toBe(10); // and it does use the allowance
  });

  it('keeps batch calls under 40 per minute', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { batchPerMinute: 40 } });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, () => scheduler.run('r1', 'batch', async () => void starts.push(clock.now()))),
    );
    expect(peak(starts, 60_000)).toBeLessThanOrEqual(40);
  });

  it('counts realms apart', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { perSecond: 1 } });
    await Promise.all(['a', 'b'].map((realm) => scheduler.run(realm, 'call', async () => undefined)));
    expect(clock.now()).toBe(0);
  });

  it('spreads a realm’s calls over the second instead of sending them in one burst', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { perSecond: 9 } });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 9 }, () => scheduler.run('r1', 'call', async () => void starts.push(clock.now()))),
    );
    // Two requests another client of the app sends at any moment still fit QBO's 10 a second.
    expect(peak(starts, 250)).toBeLessThanOrEqual(3);
    expect(Math.max(...starts)).toBeLessThan(1000);
  });

  it('holds the whole realm during a pause', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock });
    scheduler.pause('r1', 60_000);
    let at = -1;
    await scheduler.run('r1', 'call', async () => void (at = clock.now()));
    expect(at).toBe(60_000);
  });

  it('never runs more than maxConcurrent tasks at once', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { maxConcurrent: 3, perSecond: 100, perMinute: 1000 } });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        scheduler.run('r1', 'call', async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 2));
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('frees the slot when a task throws', async () => {
    const clock = fakeClock(0);
    const scheduler = createScheduler({ clock, limits: { maxConcurrent: 1 } });
    await expect(scheduler.run('r1', 'call', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(scheduler.run('r1', 'call', async () => 'ok')).resolves.toBe('ok');
  });
});
