/** The sandbox's live state and the per-request context handed to every route handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, RequestLog, RouteParams, SandboxClock } from '../common/index';
import type { RateLimiter } from './api/limiter';
import type { IdTokenSigner } from './oauth/id-token';
import type { TokenStore } from './oauth/token-store';
import type { QboSwitches, RegisteredClient } from './options';
import type { Realm } from './store/realm';

export interface QboState {
  clock: SandboxClock;
  switches: QboSwitches;
  realms: Map<string, Realm>;
  clients: Map<string, RegisteredClient>;
  tokens: TokenStore;
  signer: IdTokenSigner;
  log: RequestLog;
  faults: FaultInjector;
  limiter: RateLimiter;
  /** Realm the auto-approved authorize page picks; the first realm when unset. */
  autoApproveRealmId: string | undefined;
  /** Counter behind generated realm ids, so a run's ids are predictable. */
  realmSeq: number;
}

export interface RequestContext {
  state: QboState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: RouteParams;
  /** Counter tags for the request log (`query:Customer`, `write`...). */
  tags: string[];
  /** Realm the request addressed, for the per-realm counters. */
  realm: string;
  /** Base URL of this sandbox as the client reached it. */
  origin: string;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;
