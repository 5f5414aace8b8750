/**
 * Starts the QuickBooks Online sandbox: the accounting API, Intuit's OAuth server and the QBO web
 * pages on one origin, plus the `/__sandbox/` control API. See README.md.
 */
import {
  createClock,
  createFaultInjector,
  createRequestLog,
  startHttpServer,
  type SandboxClock,
} from '../common/index';
import { createRateLimiter } from './api/limiter';
import { createQboApp } from './app';
import { addRealm, type RealmRequest } from './control/realms';
import { mintTokens, resetState } from './control/routes';
import { createIdTokenSigner } from './oauth/id-token';
import { createTokenStore } from './oauth/token-store';
import { DEFAULT_CLIENT, DEFAULT_SWITCHES, type QboSwitches, type RegisteredClient } from './options';
import type { QboState } from './state';

export interface QboSandboxOptions {
  port?: number;
  host?: string;
  /** A clock to share (e.g. with the CSO sandbox); otherwise one is made from `clockStart`/`clockSpeed`. */
  clock?: SandboxClock;
  clockStart?: number;
  /** 1 = real time, 0 = frozen, N = N× faster (benchmarks run the real throttle this way). */
  clockSpeed?: number;
  switches?: Partial<QboSwitches>;
  clients?: RegisteredClient[];
  /** Realms to create at start; default: one convenience-store realm. Pass [] for none. */
  realms?: RealmRequest[];
}

export interface QboSandbox {
  url: string;
  port: number;
  state: QboState;
  clock: SandboxClock;
  /** Realm ids created at start, in order. */
  realmIds: string[];
  addRealm(request: RealmRequest): string;
  mintToken(
    realmId: string,
    options?: { clientId?: string; scope?: string },
  ): { access_token: string; refresh_token: string };
  reset(options?: { keepSwitches?: boolean }): void;
  stop(): Promise<void>;
}

export async function startQboSandbox(options: QboSandboxOptions = {}): Promise<QboSandbox> {
  const clock =
    options.clock ??
    createClock({
      ...(options.clockStart !== undefined ? { start: options.clockStart } : {}),
      speed: options.clockSpeed ?? 1,
    });
  const now = (): number => clock.now();
  const clients = new Map<string, RegisteredClient>(
    [DEFAULT_CLIENT, ...(options.clients ?? [])].map((c) => [c.clientId, c]),
  );
  const state: QboState = {
    clock,
    switches: { ...DEFAULT_SWITCHES, ...options.switches },
    realms: new Map(),
    clients,
    tokens: createTokenStore({ now }),
    signer: createIdTokenSigner(),
    log: createRequestLog({ now }),
    faults: createFaultInjector(),
    limiter: createRateLimiter({ now }),
    autoApproveRealmId: undefined,
    realmSeq: 0,
  };
  const realmIds = (options.realms ?? [{ seed: 'convenience-store' }]).map((r) => addRealm(state, r).realmId);
  const server = await startHttpServer({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    handler: createQboApp(state),
  });
  return {
    url: server.url,
    port: server.port,
    state,
    clock,
    realmIds,
    addRealm: (request) => addRealm(state, request).realmId,
    mintToken: (realmId, o = {}) =>
      mintTokens(state, { realmId, ...o }) as { access_token: string; refresh_token: string },
    reset: (o = {}) => resetState(state, o.keepSwitches),
    stop: () => server.stop(),
  };
}

export type { QboSwitches, RegisteredClient } from './options';
export type { RealmRequest } from './control/realms';
