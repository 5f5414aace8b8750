/**
 * Both sandboxes in this process on free ports, and a sync engine wired to them through the real
 * QBO and CStoreOffice clients and sources over HTTP (the in-memory stores stand in for IndexedDB).
 * The QBO clock may run faster than real time: the client then waits in sandbox time too, so the
 * real throttle is measured in a fraction of the wall-clock time.
 */
import { type CsoClient, createCsoClient, createCsoSource } from '../lib/cso';
import { type QboClient, createQboClient, createQboSource } from '../lib/qbo';
import { createSyncEngine, type SyncEngine } from '../lib/sync';
import { startCsoSandbox, type CsoSandbox } from '../sandbox/cso';
import { startQboSandbox, type QboSandbox } from '../sandbox/qbo/index';
import { memoryJournal, memoryLinks, memoryState } from './stores';

export interface SyncEnv {
  qbo: QboSandbox;
  cso: CsoSandbox;
  realmId: string;
  companyId: string;
  engine: SyncEngine;
  qboClient: QboClient;
  csoClient: CsoClient;
  counters(): Promise<QboCounters>;
  log(): Promise<LogEntry[]>;
  stop(): Promise<void>;
}

export interface QboCounters {
  total: number;
  byTag: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface LogEntry {
  seq: number;
  time: number;
  status: number;
  route: string;
  tags: string[];
}

async function control<T>(base: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `company`: a company of the default seed instead of the large one (`perType` is then unused). */
export async function startSyncEnv(o: {
  perType: number;
  qboSpeed: number;
  throttle: boolean;
  company?: string;
}): Promise<SyncEnv> {
  const start = Date.parse('2025-06-02T14:00:00.000Z');
  const qbo = await startQboSandbox({
    port: 0,
    clockStart: start,
    clockSpeed: o.qboSpeed,
    realms: [],
    switches: { throttle: o.throttle },
  });
  const cso = await startCsoSandbox({
    port: 0,
    clockSpeed: 1,
    ...(o.company ? {} : { seed: { name: 'large' as const, perType: o.perType } }),
  });
  try {
    const { realmId } = await control<{ realmId: string }>(qbo.url, 'realms', { seed: 'empty' });
    const { access_token } = await control<{ access_token: string }>(qbo.url, 'tokens', { realmId });
    const tokens = {
      getAccessToken: async () => access_token,
      refresh: async (): Promise<string> => {
        throw new Error('benchmark tokens do not refresh');
      },
    };
    // With a frozen clock, waiting moves it; with a running one, waits take 1/speed of real time.
    const sleep = (ms: number) =>
      o.qboSpeed === 0
        ? Promise.resolve(void qbo.clock.advance(ms))
        : new Promise<void>((resolve) => setTimeout(resolve, ms / o.qboSpeed));
    const qboClient = createQboClient({
      baseUrl: qbo.url,
      realmId,
      tokens,
      clock: { now: () => qbo.clock.now(), sleep },
    });
    const qboSource = createQboSource({ client: qboClient, now: () => new Date(qbo.clock.now()) });

    const { cookie } = await control<{ cookie: string }>(cso.url, 'sessions', {});
    const csoFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Cookie', cookie);
      return fetch(input, { ...init, headers, redirect: 'manual' });
    };
    // The large seed is one company, id 1.
    const companyId = o.company ?? '1';
    const csoClient = createCsoClient({ baseUrl: cso.url, fetch: csoFetch });
    const csoSource = createCsoSource({ client: csoClient, companyId });

    let n = 0;
    const engine = createSyncEngine(
      {
        cso: csoSource,
        qbo: qboSource,
        links: memoryLinks(),
        state: memoryState(),
        journal: memoryJournal(),
        clock: { now: () => new Date(qbo.clock.now()) },
        ids: { next: () => `bench-${++n}` },
      },
      { realmId },
    );
    return {
      qbo,
      cso,
      realmId,
      companyId,
      engine,
      qboClient,
      csoClient,
      counters: () => control<QboCounters>(qbo.url, `counters?realm=${encodeURIComponent(realmId)}`),
      log: async () => {
        const body = await control<{ entries: LogEntry[] }>(
          qbo.url,
          `log?realm=${encodeURIComponent(realmId)}&limit=1000000`,
        );
        return body.entries;
      },
      stop: async () => void (await Promise.all([qbo.stop(), cso.stop()])),
    };
  } catch (error) {
    await Promise.all([qbo.stop(), cso.stop()]);
    throw error;
  }
}
