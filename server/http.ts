/**
 * The broker's HTTP surface: three POST endpoints, CORS for the allowed extension origins only,
 * zod-checked JSON input, per-client rate limits (429 with Retry-After), a time limit on every
 * Intuit call (504), JSON answers that never carry the secret, and one structured log line per
 * request with the client's address and origin and never a body (no token is written anywhere).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { IntuitError, type IntuitOAuth } from './intuit';
import { createOriginCheck } from './origins';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit';

/** How long an Intuit call may take before the extension is told 504 (it has its own 15 s limit). */
const INTUIT_TIMEOUT_MS = 12_000;

const MAX_BODY = 16 * 1024;

const TokenBody = z
  .object({
    code: z.string().min(1).max(2048),
    redirect_uri: z.url().max(2048),
    realmId: z
      .string()
      .regex(/^\d{1,32}$/)
      .optional(),
  })
  .strict();
const RefreshBody = z.object({ refresh_token: z.string().min(1).max(4096) }).strict();
const RevokeBody = z.object({ token: z.string().min(1).max(4096) }).strict();

export interface HandlerDeps {
  oauth: IntuitOAuth;
  allowedOrigins: readonly string[];
  log: (line: string) => void;
  /**
   * What the extension may know to start Intuit's sign-in: the public client id and the
   * environment. Served so a deployment configures the client id in one place, the broker.
   */
  publicConfig: { clientId: string; environment: string };
  rateLimit?: RateLimit;
  intuitTimeoutMs?: number;
  now?: () => number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Intuit's answer, or a 504 once `ms` have passed (the call itself is left to finish or fail). */
async function withinTime<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new HttpError(
            504,
            'upstream_timeout',
            `The Intuit token service did not answer in ${Math.round(ms / 1000)} s. Try again later.`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'invalid_request', 'Send a JSON body (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'invalid_request', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_request', 'The request body is not valid JSON.');
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Field names and rules only: the values may be tokens.
  const what = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new HttpError(400, 'invalid_request', what);
}

function setCors(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}

export function createBrokerHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const allowed = createOriginCheck(deps.allowedOrigins);
  const limiter = createRateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT, deps.now);
  const intuitTimeout = deps.intuitTimeoutMs ?? INTUIT_TIMEOUT_MS;

  const routes: Record<string, (body: unknown) => Promise<unknown>> = {
    '/token': async (body) => {
      const b = validate(TokenBody, body);
      return deps.oauth.exchange(b.code, b.redirect_uri, b.realmId);
    },
    '/refresh': async (body) => deps.oauth.refresh(validate(RefreshBody, body).refresh_token),
    '/revoke': async (body) => {
      await deps.oauth.revoke(validate(RevokeBody, body).token);
      return { revoked: true };
    },
  };

  return async (req, res) => {
    const started = performance.now();
    const path = new URL(req.url ?? '/', 'http://broker').pathname;
    const origin = req.headers.origin;
    const address = req.socket.remoteAddress ?? '?';
    try {
      if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true });
      // The client id is public; Chrome sends no Origin on an extension worker's GET, so only a
      // foreign page's origin is refused here.
      if (req.method === 'GET' && path === '/config' && (!origin || allowed(origin))) {
        if (origin) setCors(res, origin);
        return send(res, 200, deps.publicConfig);
      }
      if (!origin || !allowed(origin))
        throw new HttpError(403, 'origin_not_allowed', 'This origin may not use the token broker.');
      setCors(res, origin);
      const route = routes[path];
      if (!route) throw new HttpError(404, 'not_found', 'No such endpoint.');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        });
        return void res.end();
      }
      if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST.');
      const waitMs = limiter.take(`${origin} ${address}`);
      if (waitMs > 0) {
        const seconds = String(Math.ceil(waitMs / 1000));
        throw new HttpError(
          429,
          'rate_limited',
          `Too many token requests from this client; try again in ${seconds} s.`,
          { 'Retry-After': seconds },
        );
      }
      const body = await readJson(req);
      send(res, 200, await withinTime(route(body), intuitTimeout));
    } catch (error) {
      if (error instanceof HttpError)
        send(res, error.status, { error: error.error, error_description: error.description }, error.headers);
      else if (error instanceof IntuitError)
        send(res, error.status, { error: error.error, error_description: error.description });
      else send(res, 500, { error: 'server_error', error_description: 'The token broker failed.' });
    } finally {
      // One JSON line: who asked (address, origin), what, and how it went; never a body or a token.
      deps.log(
        JSON.stringify({
          at: new Date((deps.now ?? Date.now)()).toISOString(),
          method: req.method ?? '?',
          path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          address,
          origin: origin ?? null,
        }),
      );
    }
  };
}
