/**
 * A company's posting engine as the background builds it: the snapshot of the last read outlives the
 * worker (session storage), so a run after a restart reads only changes; a damaged one is dropped
 * and both sides are read whole.
 */
import { describe, expect, it } from 'vitest';
import { createPostingEngineFactory } from '@/lib/background/posting-engine-factory';
import type { KeyedValue } from '@/lib/background/keyed-item';
import type { CsoClient } from '@/lib/cso';
import type { PostedStore } from '@/lib/posting/ports';
import type { QboClient } from '@/lib/qbo';
import type { SyncEngine } from '@/lib/sync';

const target = { key: 'https://cso.test|2', origin: 'https://cso.test', companyId: '2' };
const day = {
  id: 'd1',
  stationId: 's1',
  date: '2025-10-01',
  status: 'open' as const,
  version: 1,
  updatedAt: '2025-10-02T00:00:00.000Z',
  lines: [],
};

function setup(stored: KeyedValue<unknown>) {
  const reads = { whole: 0, changes: 0 };
  const listing = { records: [day], tombstones: [], serverTime: '2025-10-02T00:00:00.000Z' };
  const cso = {
    listAuditDays: async () => listing,
    listVendorInvoices: async () => ({ ...listing, records: [] }),
    getVendorInvoice: async () => null,
  } as unknown as CsoClient;
  const posted: PostedStore = {
    posted: async () => (reads.whole++, { txns: [], cursor: 'q1' }),
    changes: async () => (reads.changes++, { changed: [], deleted: [], cursor: 'q2' }),
    write: async () => [],
  };
  const qbo = {
    companyPreferences: async () => ({
      classTracking: false,
      locationTracking: false,
      locationLabel: 'Location',
      accountNumbers: false,
      bookCloseDate: null,
    }),
  } as unknown as QboClient;
  const entities = { records: () => [], qboIdOf: () => null, qboAccountNamed: () => null };
  const factory = () =>
    createPostingEngineFactory({
      meta: { get: async () => ({ realmId: '9130', connectedAt: '' }) } as never,
      access: { client: async () => qbo },
      csoClient: () => cso,
      buildEngine: async () => ({ entities: async () => entities }) as unknown as SyncEngine,
      postedStore: () => posted,
      newId: () => 'run',
      companySettings: async () => ({ suspenseAccount: '' }),
      stored,
    });
  return { reads, factory };
}

function memoryKeyed(): KeyedValue<unknown> & { all: Record<string, unknown> } {
  const all: Record<string, unknown> = {};
  return { all, get: async (k) => all[k], set: async (k, v) => void (all[k] = v) };
}

describe('the posting engine the background builds', () => {
  it('reads only changes after the worker restarted, from the snapshot it stored', async () => {
    const stored = memoryKeyed();
    const { reads, factory } = setup(stored);
    await (await factory()(target)).engine.preview();
    expect(reads).toEqual({ whole: 1, changes: 0 });
    // A new worker: nothing in memory, the snapshot in session storage.
    await (await factory()(target)).engine.preview();
    expect(reads).toEqual({ whole: 1, changes: 1 });
    expect(Object.keys(stored.all)).toEqual([`${target.key}|9130`]);
  });

  it('drops a damaged snapshot and reads both sides whole', async () => {
    const stored = memoryKeyed();
    stored.all[`${target.key}|9130`] = { days: 'not a list' };
    const { reads, factory } = setup(stored);
    await (await factory()(target)).engine.preview();
    expect(reads).toEqual({ whole: 1, changes: 0 });
  });
});
