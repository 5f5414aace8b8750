import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  type AttemptOutcome,
} from '../../../lib/cso';
import { outcomeUnknown } from '../../../lib/cso/retry';

const NOW = Date.parse('2025-11-03T14:00:00.000Z');

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    [' 30 ', 30_000],
    ['Mon, 03 Nov 2025 14:00:10 GMT', 10_000],
    ['Mon, 03 Nov 2025 13:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ] as const)('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('isRetryable', () => {
  const cases: Array<[AttemptOutcome, boolean, boolean]> = [
    [{ kind: 'status', status: 429 }, false, true],
    [{ kind: 'status', status: 503 }, false, true],
    [{ kind: 'status', status: 500 }, true, true],
    [{ kind: 'status', status: 500 }, false, false],
    [{ kind: 'status', status: 502 }, true, true],
    [{ kind: 'status', status: 504 }, true, true],
    [{ kind: 'network' }, true, true],
    [{ kind: 'network' }, false, false],
    [{ kind: 'timeout' }, true, true],
    [{ kind: 'status', status: 401 }, true, false],
    [{ kind: 'status', status: 409 }, true, false],
    [{ kind: 'status', status: 412 }, true, false],
    [{ kind: 'status', status: 422 }, true, false],
  ];
  it.each(cases)('%j (repeat-safe %s) → %s', (outcome, safe, expected) => {
    expect(isRetryable(outcome, safe)).toBe(expected);
  });

  it('knows which failures may have applied a write', () => {
    expect(outcomeUnknown({ kind: 'status', status: 429 })).toBe(false);
    expect(outcomeUnknown({ kind: 'status', status: 503 })).toBe(false);
    expect(outcomeUnknown({ kind: 'status', status: 500 })).toBe(true);
    expect(outcomeUnknown({ kind: 'network' })).toBe(true);
    expect(outcomeUnknown({ kind: 'timeout' })).toBe(true);
  });
});

describe('retryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;
  it('uses the shared backoff: half of an exponential step fixed, half random, capped at maxDelayMs', () => {
    expect([1, 2, 3, 4, 10].map((a) => retryDelayMs(a, undefined, policy, () => 0.999))).toEqual([
      250, 500, 1000, 1999, 7996,
    ]);
    // Never at once: the fixed half of the step.
    expect(retryDelayMs(3, undefined, policy, () => 0)).toBe(500);
  });
  it('never waits less than Retry-After, adding under a second of jitter', () => {
    expect(retryDelayMs(1, 2000, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(1, 2000, policy, () => 0.999)).toBe(2249);
  });
});
