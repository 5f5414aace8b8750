// Pure retry rules: which outcomes may be retried and how long to wait. Kept apart from the
// transport so they can be table-tested without a server.
import { type BackoffPolicy, backoffDelayMs } from '../shared/retry';

export interface CsoRetryPolicy extends BackoffPolicy {
  /** A Retry-After longer than this is not waited out: the call fails as unavailable at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: CsoRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 120_000,
};

/** What one attempt ended with. `unknown` means a write may or may not have been applied. */
export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'network' }
  | { kind: 'timeout' };

/**
 * 429 and 503 mean "not processed", so anything may retry. Other 5xx, timeouts and dropped
 * connections leave the outcome unknown: only calls that are safe to repeat retry (every call this
 * client makes is: reads, creates with an Idempotency-Key, updates/deletes with If-Match).
 */
export function isRetryable(outcome: AttemptOutcome, repeatSafe: boolean): boolean {
  if (outcome.kind !== 'status') return repeatSafe;
  if (outcome.status === 429 || outcome.status === 503) return true;
  return repeatSafe && (outcome.status === 500 || outcome.status === 502 || outcome.status === 504);
}

/** True when the server may have applied a write before the failure. */
export function outcomeUnknown(outcome: AttemptOutcome): boolean {
  return outcome.kind !== 'status' || (outcome.status >= 500 && outcome.status !== 503);
}

/**
 * Wait before attempt `attempt + 1` (attempt counts from 1). Retry-After is honoured as a floor with
 * a little jitter on top, so many clients told "2 s" do not all return in the same millisecond;
 * otherwise the shared backoff.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: CsoRetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * Math.min(1000, policy.baseDelayMs));
  return backoffDelayMs(attempt, policy, random);
}
