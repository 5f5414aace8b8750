/**
 * When and how long to wait before trying a request again. Pure: the transport supplies the
 * attempt number, the error and a random source, and gets back a delay or "give up".
 */
import { type BackoffPolicy, backoffDelayMs } from '../shared/retry';
import { QboThrottleError, isRetryable } from './errors';

export interface QboRetryPolicy extends BackoffPolicy {
  /** Intuit asks for about a minute after a 429 when it does not say otherwise. */
  throttleDelayMs: number;
}

export const DEFAULT_RETRY: QboRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  throttleDelayMs: 60_000,
};

/** The delay before try number `attempt + 1` (attempt counts from 1), or undefined to give up. */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: QboRetryPolicy,
  random: () => number,
): number | undefined {
  if (!isRetryable(error) || attempt >= policy.maxAttempts) return undefined;
  if (error instanceof QboThrottleError) return error.retryAfterMs ?? policy.throttleDelayMs;
  return backoffDelayMs(attempt, policy, random);
}
