/**
 * Both sandboxes in process on free ports with frozen clocks, and an engine wired to them through
 * the real clients and sources over HTTP. Tokens and sessions come from the sandboxes' control
 * APIs; links, state and journal are the in-memory fakes. Request counts come from the QBO
 * sandbox's `/__sandbox/counters`.
 */
import {
  type CsoClient,
  createCsoClient,
  createCsoDecisionBoard,
  createCsoLinkMirror,
  createCsoSource,
} from '@/lib/cso';
import { createQboClient, createQboSource, type SchedulerClock as QboClock, type QboClient } from '@/lib/qbo';
import { createSyncEngine, type CsoSource, type QboSource, type SyncEngineOptions, type SyncPorts } from '@/lib/sync';
import { startCsoSandbox, type CsoSandbox } from '@/sandbox/cso';
import { startQboSandbox, type QboSandbox } from '@/sandbox/qbo/index';
import { createCounterIds, createFixedClock } from '../../fakes/clock';
import { createMemoryJournal, createMemoryLinkStore, createMemoryStateStore } from '../../fakes/memory-stores';

export const START = Date.parse('2025-06-02T14:00:00.000Z');

export interface Sandboxes {
  qbo: QboSandbox;
  cso: CsoSandbox;
  stop(): Promise<void>;
}

export async function startSandboxes(
  options: { csoSeed?: { name: 'default' | 'empty' | 'large'; perType?: number } } = {},
): Promise<Sandboxes> {
  const qbo = await startQboSandbox({ clockStart: START, clockSpeed: 0, realms: [], switches: { throttle: false } });
  const cso = await startCsoSandbox({
    port: 0,
    clockStart: START,
    clockSpeed: 0,
    ...(options.csoSeed ? { seed: options.csoSeed } : {}),
  });
  return { qbo, cso, stop: async () => void (await Promise.all([qbo.stop(), cso.stop()])) };
}

async function control<T>(
  base: string,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const qboControl = <T>(sb: Sandboxes, path: string, body?: unknown, method?: string) =>
  control<T>(sb.qbo.url, path, body, method);
export const csoControl = <T>(sb: Sandboxes, path: string, body?: unknown, method?: string) =>
  control<T>(sb.cso.url, path, body, method);

export async function addRealm(sb: Sandboxes, seed: 'convenience-store' | 'empty' | 'new-company'): Promise<string> {
  const realm = await qboControl<{ realmId: string }>(sb, 'realms', { seed });
  return realm.realmId;
}

export interface Counters {
  total: number;
  byTag: Record<string, number>;
}

export async function qboCounters(sb: Sandboxes, realmId: string): Promise<Counters> {
  return qboControl<Counters>(sb, `counters?realm=${encodeURIComponent(realmId)}`);
}

export interface Connection {
  engine: ReturnType<typeof createSyncEngine>;
  ports: SyncPorts;
  realmId: string;
  companyId: string;
  links: ReturnType<typeof createMemoryLinkStore>;
  state: ReturnType<typeof createMemoryStateStore>;
  journal: ReturnType<typeof createMemoryJournal>;
  qboSource: QboSource;
  csoSource: CsoSource;
  /** The same kind of client the source uses, for edits "a person makes in QBO". */
  qboClient: QboClient;
  /** The CStoreOffice client the source uses (its transactions, for posting). */
  csoClient: CsoClient;
  /** A new engine on the same stores, e.g. with sources wrapped to fail. */
  make(over?: Partial<SyncPorts>, options?: SyncEngineOptions): ReturnType<typeof createSyncEngine>;
}

let browsers = 0;

/** One connection: CStoreOffice company ↔ QBO realm, with its own stores. */
export async function connect(
  sb: Sandboxes,
  realmId: string,
  companyId = '1',
  options: SyncEngineOptions = {},
  linksIn: 'cso' | 'local' = 'local',
): Promise<Connection> {
  const { access_token } = await qboControl<{ access_token: string }>(sb, 'tokens', { realmId });
  const tokens = {
    getAccessToken: async () => access_token,
    refresh: async () => {
      throw new Error('the test token does not refresh');
    },
  };
  // The client's waits move the sandbox clock instead of real time.
  const qboClock: QboClock = { now: () => sb.qbo.clock.now(), sleep: async (ms) => void sb.qbo.clock.advance(ms) };
  const qboClient = createQboClient({
    baseUrl: sb.qbo.url,
    realmId,
    tokens,
    clock: qboClock,
    random: () => 0.5,
    retry: { maxAttempts: 2 },
  });
  const qboSource = createQboSource({ client: qboClient, now: () => new Date(sb.qbo.clock.now()) });

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
    retry: { maxAttempts: 2 },
  });
  // `linksIn: 'cso'` writes them through to CStoreOffice as the extension does (v1.3); the tests that
  // share one company among several realms keep them local.
  const linkMirror = linksIn !== 'cso' ? undefined : createCsoLinkMirror({ client: csoClient, companyId, realmId });
  const csoSource = createCsoSource({ client: csoClient, companyId, ...(linkMirror ? { links: linkMirror } : {}) });

  const links = createMemoryLinkStore();
  const state = createMemoryStateStore();
  const journal = createMemoryJournal();
  const clock = createFixedClock(new Date(START).toISOString());
  const ports: SyncPorts = {
    cso: csoSource,
    qbo: qboSource,
    links,
    state,
    journal,
    clock,
    // Each browser its own idempotency keys, as randomUUID gives them: two sharing keys would replay each other's answers.
    ids: createCounterIds(`r${realmId.slice(-4)}b${++browsers}`),
    ...(linkMirror ? { linkMirror, decisions: createCsoDecisionBoard({ client: csoClient, companyId, realmId }) } : {}),
  };
  const make = (over: Partial<SyncPorts> = {}, o: SyncEngineOptions = options) =>
    createSyncEngine({ ...ports, ...over }, { realmId, ...o });
  return {
    engine: make(),
    ports,
    realmId,
    companyId,
    links,
    state,
    journal,
    qboSource,
    csoSource,
    qboClient,
    csoClient,
    make,
  };
}

/** Moves both sandboxes' clocks (CStoreOffice sessions idle out after 30 minutes: keep steps short). */
export function advance(sb: Sandboxes, ms: number): void {
  sb.qbo.clock.advance(ms);
  sb.cso.app.clock.advance(ms);
}
