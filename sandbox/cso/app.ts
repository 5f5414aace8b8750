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
import { createSyncRuns, type SyncRuns } from './core/sync-runs';
import { createSyncStates, type SyncStates } from './core/sync-state';
import { createTransactionStore, type TransactionStore } from './core/transactions';
import { buildSeed, type SeedRequest } from './seed';

export interface CsoApp {
  clock: SandboxClock;
  store: CsoStore;
  sessions: Sessions;
  faults: FaultInjector;
  log: RequestLog;
  idempotency: IdempotencyCache;
  /** Each company's QuickBooks sync state and run history (contract v1.3). */
  syncStates: SyncStates;
  syncRuns: SyncRuns;
  /** Each company's audit days and vendor invoices (contract v1.4). */
  transactions: TransactionStore;
  /**
   * The contract version the sandbox plays: '1.4' (audit days and vendor invoices), '1.3' (links,
   * sync state, history, but no transactions: their paths are 404) or '1.2' (none of them: `qbo` is
   * an unknown field and /qbo-sync is 404), so clients can be tried against an older server.
   */
  contract: { version: ContractVersion };
  /** Retry-After seconds per fault rule id (the shared fault injector has no such field). */
  faultRetryAfter: Map<string, number>;
  /** Replaces the data (records, sync states, runs) with a seed. */
  loadSeed(seed: SeedRequest): void;
  /** Puts the clock back at its start, loads a seed, plays v1.4 and forgets sessions, idempotency keys, faults and the log. */
  reset(seed?: SeedRequest): void;
}

export const CONTRACT_VERSIONS = ['1.2', '1.3', '1.4'] as const;
export type ContractVersion = (typeof CONTRACT_VERSIONS)[number];

export const linksServed = (app: CsoApp) => app.contract.version !== '1.2';
export const transactionsServed = (app: CsoApp) => app.contract.version === '1.4';

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
  const syncStates = createSyncStates({ now });
  const app: CsoApp = {
    clock,
    store: createStore({
      now,
      realmOf: (companyId) => syncStates.realmOf(companyId),
      linksServed: () => linksServed(app),
    }),
    sessions: createSessions({ now }),
    faults: createFaultInjector(),
    log: createRequestLog({ now }),
    idempotency: createIdempotencyCache({ now }),
    faultRetryAfter: new Map(),
    syncStates,
    syncRuns: createSyncRuns(),
    transactions: createTransactionStore({ now }),
    contract: { version: '1.4' },
    loadSeed(seed) {
      app.store.load(buildSeed(seed));
      app.syncStates.clear();
      app.syncRuns.clear();
      app.transactions.clear();
    },
    reset(seed = options.seed ?? { name: 'default' }) {
      clock.set(options.clockStart ?? Date.now());
      app.loadSeed(seed);
      app.contract.version = '1.4';
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
