/**
 * History shared between browsers over HTTP (contract v1.3 run history): one background's run is
 * appended to the CStoreOffice sandbox after it ends, and a second background with an empty
 * IndexedDB lists it in its History tab, marked as from another browser, with the same words.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryReader } from '@/lib/background/history-reader';
import { createHistoryShare } from '@/lib/background/history-share';
import { createSyncService } from '@/lib/background/sync-service';
import { createCsoClient } from '@/lib/cso';
import { AppDb, companyKey, createRunHistory, historyToCsv, type RowStore } from '@/lib/db';
import type { HistoryEntry } from '@/lib/messaging/protocol';
import { addRealm, connect, csoControl, startSandboxes, type Sandboxes } from './harness';

let sb: Sandboxes;
beforeAll(async () => {
  sb = await startSandboxes();
});
afterAll(() => sb.stop());

const COMPANY = '1';

/** What a user compares between the two browsers' History rows. */
const views = (e: HistoryEntry) => ({
  startedAt: e.startedAt,
  finishedAt: e.finishedAt,
  outcome: e.outcome,
  message: e.message,
  counts: e.summary.counts,
});

/** One browser's background: its own IndexedDB and its own CStoreOffice session. */
async function browserProfile(name: string) {
  const db = new AppDb(`shared-history-${name}-${Date.now()}`, { indexedDB, IDBKeyRange });
  const { cookie } = await csoControl<{ cookie: string }>(sb, 'sessions', {});
  const client = createCsoClient({
    baseUrl: sb.cso.url,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Cookie', cookie);
      return fetch(input, { ...init, headers, redirect: 'manual' });
    },
    sleep: async () => {},
    retry: { maxAttempts: 2 },
  });
  const target = { key: companyKey(sb.cso.url, COMPANY), origin: sb.cso.url, companyId: COMPANY };
  const history = createRunHistory(db, target.key);
  const reader = createHistoryReader({ client: () => client, history: () => history, undoMark: async () => null });
  return { db, client, target, history, reader };
}

describe('History made in one browser is seen in another', () => {
  it('a run appended by one background is listed by another with an empty local history', async () => {
    const realmId = await addRealm(sb, 'convenience-store');
    const a = await browserProfile('a');
    const engine = (await connect(sb, realmId, COMPANY)).engine;
    let n = 0;
    const service = createSyncService({
      buildEngine: async () => engine,
      rows: { replaceRows: async () => {} } as unknown as RowStore,
      history: () => a.history,
      shareHistory: createHistoryShare({ client: () => a.client }),
      hub: { publish: () => {}, attach: () => {}, size: 0 },
      now: () => new Date(),
      newId: () => `run-a-${++n}`,
    });
    await service.synchronize(a.target, { trigger: 'user', who: 'Demo Auditor (auditor@demo.test)' });
    const [mine] = (await a.reader.page(a.target, 0, 10)).entries;

    const b = await browserProfile('b');
    expect((await b.history.list({ page: 0, pageSize: 10 })).total).toBe(0);
    const page = await b.reader.page(b.target, 0, 10);
    expect(page.shared).toBeNull();
    expect(page.entries).toHaveLength(1);
    const [seen] = page.entries;
    expect(seen!.who).toBe('Demo Auditor (auditor@demo.test) (another browser)');
    expect(views(seen!)).toEqual(views(mine!));
    // The first browser shows it once, as its own (not from another browser).
    expect(mine!.who).toBe('Demo Auditor (auditor@demo.test)');
    expect((await a.reader.page(a.target, 0, 10)).total).toBe(1);
    expect(historyToCsv(await b.reader.exportAll(b.target))).toContain('(another browser)');
    a.db.close();
    b.db.close();
  });
});
