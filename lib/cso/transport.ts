// One HTTP call to CStoreOffice with timeouts, retries (backoff, jitter, Retry-After) and parsing of
// both success and error bodies. Knows nothing about entity types; client.ts builds on it.
import type { z } from 'zod';
import {
  type CsoError,
  CsoMalformedResponseError,
  CsoSignedOutError,
  CsoUnavailableError,
  errorFromResponse,
} from './errors';
import { parseRetryAfter } from '../shared/retry';
import {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  outcomeUnknown,
  retryDelayMs,
  type AttemptOutcome,
  type CsoRetryPolicy,
} from './retry';
import { CsoErrorBody } from './schemas';

const API_PATH = '/api/qbo-sync/v1';

export interface CsoTransportDeps {
  /** The CStoreOffice origin, e.g. https://03.cstoreoffice.com. */
  baseUrl: string;
  /** The background passes one that sends the session cookie (`credentials: 'include'`). */
  fetch: typeof fetch;
  clock?: { now(): number };
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  retry?: Partial<CsoRetryPolicy>;
  /** Per-attempt limit; a hung request is abandoned and (when safe) retried. */
  timeoutMs?: number;
  onRetry?: (info: { method: string; path: string; attempt: number; delayMs: number; outcome: AttemptOutcome }) => void;
}

export interface CallSpec<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Schema of a 2xx body; omit for 204. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

export type CallResult<T> =
  | { ok: true; value: T; headers: Headers }
  | { ok: false; error: CsoError; /** an earlier attempt may have applied the write */ afterUnknownOutcome: boolean };

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function createTransport(deps: CsoTransportDeps) {
  const policy: CsoRetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  const now = () => (deps.clock ? deps.clock.now() : Date.now());
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const origin = deps.baseUrl.replace(/\/+$/, '');

  function url(spec: CallSpec<unknown>): string {
    const u = new URL(origin + API_PATH + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  type Attempt<T> = { done: CallResult<T> } | { outcome: AttemptOutcome; error: CsoError };

  async function attemptOnce<T>(spec: CallSpec<T>): Promise<Attempt<T>> {
    const where = `${spec.method} ${spec.path}`;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;
    let res: Response;
    let text: string;
    try {
      const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
      if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
      res = await deps.fetch(url(spec), {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
      });
      text = await res.text();
    } catch (err) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      const outcome: AttemptOutcome = timeout.signal.aborted ? { kind: 'timeout' } : { kind: 'network' };
      return {
        outcome,
        error: new CsoUnavailableError(
          outcome.kind === 'timeout'
            ? `no answer within ${timeoutMs} ms`
            : `connection failed: ${(err as Error).message}`,
        ),
      };
    } finally {
      clearTimeout(timer);
    }
    // A session that ended may be answered with a redirect to the sign-in page instead of a 401.
    if (res.type === 'opaqueredirect' || (res.redirected && !new URL(res.url).pathname.startsWith(API_PATH))) {
      return { done: { ok: false, error: new CsoSignedOutError(), afterUnknownOutcome: false } };
    }
    if (res.ok) {
      if (!spec.schema) return { done: { ok: true, value: undefined as T, headers: res.headers } };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return {
          done: {
            ok: false,
            error: new CsoMalformedResponseError(
              where,
              `not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`,
              res.status,
            ),
            afterUnknownOutcome: false,
          },
        };
      }
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success)
        return {
          done: {
            ok: false,
            error: new CsoMalformedResponseError(where, describeIssues(parsed.error), res.status),
            afterUnknownOutcome: false,
          },
        };
      return { done: { ok: true, value: parsed.data, headers: res.headers } };
    }
    const retryAfterMs = parseRetryAfter(res.headers.get('Retry-After'), now());
    let body: CsoErrorBody | undefined;
    try {
      const parsed = CsoErrorBody.safeParse(JSON.parse(text));
      body = parsed.success ? parsed.data.error : undefined;
    } catch {
      body = undefined;
    }
    return {
      outcome: { kind: 'status', status: res.status, retryAfterMs },
      error: errorFromResponse(res.status, body, retryAfterMs),
    };
  }

  /** Runs a call with retries. `repeatSafe`: repeating it cannot do the work twice. */
  async function call<T>(spec: CallSpec<T>, repeatSafe: boolean): Promise<CallResult<T>> {
    let afterUnknownOutcome = false;
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(spec);
      if ('done' in result) return result.done.ok ? result.done : { ...result.done, afterUnknownOutcome };
      const { outcome, error } = result;
      const retryAfterMs = outcome.kind === 'status' ? outcome.retryAfterMs : undefined;
      const tooLong = retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs;
      if (attempt >= policy.maxAttempts || tooLong || !isRetryable(outcome, repeatSafe))
        return { ok: false, error, afterUnknownOutcome };
      if (outcomeUnknown(outcome)) afterUnknownOutcome = true;
      const delayMs = retryDelayMs(attempt, retryAfterMs, policy, random);
      deps.onRetry?.({ method: spec.method, path: spec.path, attempt, delayMs, outcome });
      await sleep(delayMs, spec.signal);
    }
  }

  return { call };
}
