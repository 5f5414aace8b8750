/**
 * One HTTP exchange with QBO, made safe: rate-limited per realm, authorised (401 → one single-flight
 * refresh → one retry), retried with backoff on 429/5xx/timeouts/dropped connections (writes only
 * with their original requestid, so QBO replays instead of writing twice), and every error answer
 * turned into a typed error.
 */
import {
  QboAuthError,
  QboNetworkError,
  QboResponseError,
  QboThrottleError,
  QboTimeoutError,
  QboUsageError,
  ReconnectNeededError,
} from './errors';
import { faultToError, parseErrorResponse } from './faults';
import { encodeQuery } from './query';
import { parseRetryAfter } from '../shared/retry';
import { retryDelay, type QboRetryPolicy } from './retry';
import { type CallKind, type SchedulerClock, type QboScheduler } from './scheduler';

/** Where the client gets its bearer token; `refresh` rejects with ReconnectNeededError on invalid_grant. */
export interface TokenProvider {
  getAccessToken(): Promise<string>;
  refresh(): Promise<unknown>;
}

export interface QboTransportDeps {
  baseUrl: string;
  realmId: string;
  tokens: TokenProvider;
  fetch: typeof fetch;
  clock: SchedulerClock;
  random: () => number;
  scheduler: QboScheduler;
  minorVersion: number;
  timeoutMs: number;
  retry: QboRetryPolicy;
  /** Real timer for the request timeout (not the clock: a fake sleep must not abort requests). */
  startTimer: (ms: number, fn: () => void) => () => void;
  onRetry?: (info: { path: string; attempt: number; delayMs: number; error: unknown }) => void;
}

export interface QboRequest {
  method: 'GET' | 'POST';
  /** Path under `/v3/company/{realmId}/`, e.g. `account/5` or `query`. */
  path: string;
  params?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** Required on every write; the same id on every retry makes QBO replay instead of re-executing. */
  requestId?: string;
  kind?: CallKind;
  write?: boolean;
}

export interface QboResponse {
  json: Record<string, unknown>;
  intuitTid: string;
  status: number;
}

export type Transport = (request: QboRequest) => Promise<QboResponse>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asReconnect(error: unknown): unknown {
  if (error instanceof ReconnectNeededError) return error;
  const e = error as { error?: unknown; code?: unknown } | undefined;
  if (e?.error === 'invalid_grant' || e?.code === 'invalid_grant')
    return new ReconnectNeededError(undefined, { cause: error });
  return error;
}

export function createTransport(deps: QboTransportDeps): Transport {
  const root = `${deps.baseUrl.replace(/\/+$/, '')}/v3/company/${encodeURIComponent(deps.realmId)}/`;
  let refreshing: Promise<void> | undefined;

  // Ten calls that all meet a 401 share one refresh; a call whose token was already replaced just retries.
  const refreshAfter401 = (usedToken: string): Promise<void> => {
    refreshing ??= (async () => {
      if ((await deps.tokens.getAccessToken()) !== usedToken) return;
      await deps.tokens.refresh();
    })()
      .catch((error: unknown) => {
        throw asReconnect(error);
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  const urlOf = (req: QboRequest): string => {
    const params: Record<string, string> = { minorversion: String(deps.minorVersion), ...req.params };
    if (req.requestId) params.requestid = req.requestId;
    // One encoder for every parameter, applied once: the query text is never pre-encoded.
    const search = Object.entries(params).map(([k, v]) => `${k}=${encodeQuery(v)}`);
    return `${root}${req.path}?${search.join('&')}`;
  };

  const send = async (req: QboRequest, token: string): Promise<QboResponse> => {
    const controller = new AbortController();
    let timedOut = false;
    const cancel = deps.startTimer(deps.timeoutMs, () => {
      timedOut = true;
      controller.abort();
    });
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (req.json !== undefined) headers['Content-Type'] = 'application/json';
    if (req.text !== undefined) headers['Content-Type'] = 'application/text';
    const body = req.json !== undefined ? JSON.stringify(req.json) : req.text;
    let status: number;
    let text: string;
    let response: Response;
    try {
      response = await deps.fetch(urlOf(req), { method: req.method, headers, body, signal: controller.signal });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (timedOut)
        throw new QboTimeoutError(`QuickBooks did not answer ${req.method} ${req.path} within ${deps.timeoutMs} ms`, {
          cause: error,
        });
      throw new QboNetworkError(
        `The connection to QuickBooks failed during ${req.method} ${req.path}: ${(error as Error).message}`,
        { cause: error },
      );
    } finally {
      cancel();
    }
    const intuitTid = response.headers.get('intuit_tid') ?? '';
    if (status < 200 || status > 299) {
      const error = parseErrorResponse(status, text, intuitTid);
      if (error instanceof QboThrottleError)
        error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.clock.now());
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new QboResponseError(
        `QuickBooks answered ${req.method} ${req.path} with something that is not JSON: ${text.slice(0, 120)}`,
        intuitTid,
      );
    }
    if (!isObject(json))
      throw new QboResponseError(
        `QuickBooks answered ${req.method} ${req.path} with JSON that is not an object`,
        intuitTid,
      );
    if (json.Fault !== undefined) throw faultToError(json.Fault, status, intuitTid);
    return { json, intuitTid, status };
  };

  return async (req) => {
    if (req.write && !req.requestId) throw new QboUsageError(`A write (${req.path}) needs a requestid from the caller`);
    const maxLength = req.kind === 'batch' ? 36 : 50;
    if (req.requestId && req.requestId.length > maxLength)
      throw new QboUsageError(`A requestid is at most ${maxLength} characters here`);
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      const token = await deps.tokens.getAccessToken().catch((error: unknown) => {
        throw asReconnect(error);
      });
      try {
        return await deps.scheduler.run(deps.realmId, req.kind ?? 'call', () => send(req, token));
      } catch (error) {
        if (error instanceof QboAuthError && !refreshed) {
          refreshed = true;
          await refreshAfter401(token);
          attempt -= 1; // the retry after a refresh is not a failure of the request
          continue;
        }
        const delayMs = retryDelay(error, attempt, deps.retry, deps.random);
        if (delayMs === undefined) throw error;
        if (error instanceof QboThrottleError) deps.scheduler.pause(deps.realmId, deps.clock.now() + delayMs);
        deps.onRetry?.({ path: req.path, attempt, delayMs, error });
        await deps.clock.sleep(delayMs);
      }
    }
  };
}
