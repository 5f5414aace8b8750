/**
 * Test doubles for the QBO client: a stub fetch that records calls and answers from a handler, a
 * clock whose sleep moves time instead of waiting, and a token provider that counts refreshes.
 */
import type { SchedulerClock, TokenProvider } from '@/lib/qbo';

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export type Handler = (req: SeenRequest, index: number) => Response | Promise<Response>;

export function stubFetch(handler: Handler): typeof fetch & { calls: SeenRequest[] } {
  const calls: SeenRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(req);
    return handler(req, calls.length - 1);
  };
  return Object.assign(fn as typeof fetch, { calls });
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', intuit_tid: 'tid-1', ...headers },
  });

export function fakeClock(start = Date.parse('2025-06-01T12:00:00Z')): SchedulerClock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

export function fakeTokens(initial = 'access-1'): TokenProvider & { refreshes: number; fail?: unknown } {
  let token = initial;
  const tokens = {
    refreshes: 0,
    fail: undefined as unknown,
    getAccessToken: async () => token,
    refresh: async () => {
      tokens.refreshes += 1;
      await new Promise((r) => setTimeout(r, 5));
      if (tokens.fail) throw tokens.fail;
      token = `access-${tokens.refreshes + 1}`;
    },
  };
  return tokens;
}

export const expiredFault = () =>
  json(
    {
      warnings: null,
      fault: {
        error: [
          {
            message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
            detail: 'Token expired: xyz',
            code: '3200',
            element: null,
          },
        ],
        type: 'AUTHENTICATION',
      },
      time: 1633520295688,
    },
    401,
  );

export const noTimer = (): (() => void) => () => undefined;

/** An answer that never comes: rejects like fetch does once the request is aborted. */
export const hang = (req: SeenRequest): Promise<Response> =>
  new Promise((_resolve, reject) =>
    req.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

/** A timer that fires on the next tick, whatever the timeout: a timeout test need not wait. */
export const immediateTimer = (_ms: number, fn: () => void): (() => void) => {
  const t = setTimeout(fn, 1);
  return () => clearTimeout(t);
};
