// The sandbox's state in one object (clock, data, sessions, faults, log) and the per-request
// context handlers receive. Created once per server; tests reach it through startCsoSandbox().
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createClock,
  createFaultInjector,
  createRequestLog,
  type FaultInjector,
  type RequestLog,
  type RouteParams,
  type SandboxClock,
} from '../common';
import { createIdempotencyCache, type IdempotencyCache } from './core/idempotency';
import { createSessions, type Sessions } from './core/sessions';
import { createStore, type CsoStore } from './core/store';
import { buildSeed, type SeedRequest } from './seed';

export interface CsoApp {
  clock: SandboxClock;
  store: CsoStore;
  sessions: Sessions;
  faults: FaultInjector;
  log: RequestLog;
  idempotency: IdempotencyCache;
  /** Retry-After seconds per fault rule id (the shared fault injector has no such field). */
  faultRetryAfter: Map<string, number>;
  /** Puts the clock back at its start, loads a seed and forgets sessions, idempotency keys, faults and the log. */
  reset(seed?: SeedRequest): void;
}

export interface Ctx {
  app: CsoApp;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: RouteParams;
  /** Tags added to this request's log entry. */
  tags: string[];
  /** Company the request addressed ('' when none), for the request log. */
  realm: string;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

export interface AppOptions {
  clockStart?: number;
  clockSpeed?: number;
  seed?: SeedRequest;
}

export function createCsoApp(options: AppOptions = {}): CsoApp {
  const clock = createClock({ start: options.clockStart, speed: options.clockSpeed ?? 1 });
  const now = () => clock.now();
  const app: CsoApp = {
    clock,
    store: createStore({ now }),
    sessions: createSessions({ now }),
    faults: createFaultInjector(),
    log: createRequestLog({ now }),
    idempotency: createIdempotencyCache({ now }),
    faultRetryAfter: new Map(),
    reset(seed = options.seed ?? { name: 'default' }) {
      clock.set(options.clockStart ?? Date.now());
      app.store.load(buildSeed(seed));
      app.sessions.clear();
      app.idempotency.clear();
      app.faults.clear();
      app.faultRetryAfter.clear();
      app.log.reset();
    },
  };
  app.reset();
  return app;
}
