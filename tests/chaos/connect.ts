/**
 * A connection for the chaos suite: the real QBO and CStoreOffice clients and sources against both
 * sandboxes, with short per-request timeouts (so injected hangs end as timeouts quickly), waits that
 * move the sandbox clock instead of real time, a token provider that mints a new token when the
 * sandbox clock has run past the old one, and every client retry counted.
 */
import {
  type CsoClient,
  createCsoClient,
  createCsoDecisionBoard,
  createCsoLinkMirror,
  createCsoSource,
} from '@/lib/cso';
import { createQboClient, createQboSource, type SchedulerClock as QboClock, type QboClient } from '@/lib/qbo';
import { createSyncEngine, type SyncPorts } from '@/lib/sync';
import { createCounterIds, createFixedClock } from '../fakes/clock';
import { createMemoryJournal, createMemoryLinkStore, createMemoryStateStore } from '../fakes/memory-stores';
import { csoControl, qboControl, START, type Sandboxes } from '../integration/sync/harness';

/** Per-attempt limit of both clients; injected hangs last longer than this. */
export const CLIENT_TIMEOUT_MS = 250;

export interface RetryTally {
  qbo: Record<string, number>;
  cso: Record<string, number>;
}

export interface ChaosConnection {
  realmId: string;
  companyId: string;
  links: ReturnType<typeof createMemoryLinkStore>;
  ports: SyncPorts;
  /** A person's hand in QBO (the edits go through the API, like QBO's own pages would). */
  qboHand: QboClient;
  /** The clients the sources use, faults, retries and all (for posting transactions). */
  qboClient: QboClient;
  csoClient: CsoClient;
  /** A fresh engine on the same stores and sources: a new worker picking the connection up. */
  engine(): ReturnType<typeof createSyncEngine>;
  retries: RetryTally;
}

const bump = (tally: Record<string, number>, key: string) => void (tally[key] = (tally[key] ?? 0) + 1);

function qboRetryKind(error: unknown): string {
  const name = (error as Error | undefined)?.constructor?.name ?? 'Error';
  const status = (error as { status?: number } | undefined)?.status;
  return status ? `${name} ${status}` : name;
}

export async function connectChaos(
  sb: Sandboxes,
  realmId: string,
  companyId: string,
  maxAttempts: number,
): Promise<ChaosConnection> {
  const retries: RetryTally = { qbo: {}, cso: {} };
  let token = (await qboControl<{ access_token: string }>(sb, 'tokens', { realmId })).access_token;
  const tokens = {
    getAccessToken: async () => token,
    // Access tokens live an hour on the sandbox clock, which 429 waits move forward: mint a new one.
    refresh: async () => {
      token = (await qboControl<{ access_token: string }>(sb, 'tokens', { realmId })).access_token;
    },
  };
  const qboClock: QboClock = { now: () => sb.qbo.clock.now(), sleep: async (ms) => void sb.qbo.clock.advance(ms) };
  const qboClient = createQboClient({
    baseUrl: sb.qbo.url,
    realmId,
    tokens,
    clock: qboClock,
    random: () => 0.5,
    timeoutMs: CLIENT_TIMEOUT_MS,
    retry: { maxAttempts },
    onRetry: ({ error }) => bump(retries.qbo, qboRetryKind(error)),
  });
  const qboHand = createQboClient({
    baseUrl: sb.qbo.url,
    realmId,
    tokens,
    clock: qboClock,
    random: () => 0.5,
    retry: { maxAttempts: 1 },
  });
  const qbo = createQboSource({ client: qboClient, now: () => new Date(sb.qbo.clock.now()) });

  const { cookie } = await csoControl<{ cookie: string }>(sb, 'sessions', {});
  const csoFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Cookie', cookie);
    return fetch(input, { ...init, headers, redirect: 'manual' });
  };
  const csoClient = createCsoClient({
    baseUrl: sb.cso.url,
    fetch: csoFetch,
    clock: { now: () => sb.cso.app.clock.now() },
    sleep: async () => {},
    random: () => 0.5,
    timeoutMs: CLIENT_TIMEOUT_MS,
    retry: { maxAttempts },
    onRetry: ({ outcome }) => bump(retries.cso, outcome.kind === 'status' ? `HTTP ${outcome.status}` : outcome.kind),
  });
  // Links and decisions are kept in CStoreOffice (v1.3) as the extension does, faults and all.
  const linkMirror = createCsoLinkMirror({ client: csoClient, companyId, realmId });
  const cso = createCsoSource({ client: csoClient, companyId, links: linkMirror });

  const links = createMemoryLinkStore();
  const ports: SyncPorts = {
    cso,
    qbo,
    links,
    state: createMemoryStateStore(),
    journal: createMemoryJournal(),
    clock: createFixedClock(new Date(START).toISOString()),
    ids: createCounterIds(`c${realmId.slice(-4)}`),
    linkMirror,
    decisions: createCsoDecisionBoard({ client: csoClient, companyId, realmId }),
  };
  return {
    realmId,
    companyId,
    links,
    ports,
    qboHand,
    qboClient,
    csoClient,
    retries,
    engine: () => createSyncEngine(ports, { realmId }),
  };
}
