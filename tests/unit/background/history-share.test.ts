import { describe, expect, it, vi } from 'vitest';
import { createHistoryShare } from '@/lib/background/history-share';
import { createSyncService } from '@/lib/background/sync-service';
import { createRunHistory, type RowStore } from '@/lib/db';
import type { SyncEngine } from '@/lib/sync';
import { createFakeCsoRuns } from '../../fakes/cso-runs';
import { ACME, freshDb } from '../db/db-fixtures';

const target = { key: ACME, origin: 'https://a.cstoreoffice.com', companyId: '101' };
const counts = { synchronized: 1, waitingForCreation: 0, waitingForUpdate: 0, waitingForDeletion: 0, error: 0 };
const report = () => ({
  plan: { ops: [], levels: [] },
  rows: [],
  summary: {
    writes: { create: { cso: 0, qbo: 0 }, update: { cso: 0, qbo: 0 }, deactivate: 0, delete: 0 },
    local: { link: 0, unlink: 0 },
    batches: { cso: 0, qbo: 0 },
    levels: 0,
    rows: { total: 1, byStatus: counts },
  },
  executed: { ops: [], levels: [] },
  failures: [],
  resumed: false,
  writes: [],
  heldDeletions: [],
  heldCreates: null,
});

function setup(engine: Partial<SyncEngine> = { synchronize: async () => report() as never }) {
  const { db } = freshDb();
  const cso = createFakeCsoRuns();
  const appendRun = vi.spyOn(cso, 'appendRun');
  const history = createRunHistory(db, ACME);
  const client = () => cso;
  let id = 0;
  const service = createSyncService({
    buildEngine: async () => engine as SyncEngine,
    rows: { replaceRows: async () => {} } as unknown as RowStore,
    history: () => history,
    shareHistory: createHistoryShare({ client }),
    hub: { publish: () => {}, attach: () => {}, size: 0 },
    now: () => new Date('2026-12-05T12:00:00Z'),
    newId: () => `run-${++id}`,
  });
  return { service, cso, appendRun, history };
}

describe('History shared through CStoreOffice', () => {
  it('appends each finished run once, keyed by its run id, and remembers the id CStoreOffice gave it', async () => {
    const { service, cso, appendRun, history } = setup();
    await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' });
    await service.synchronize(target, { trigger: 'alarm', who: null });
    expect(cso.runs.map((r) => r.by)).toEqual([null, 'Pat Lee']);
    expect(appendRun.mock.calls.map((c) => c[2].idempotencyKey)).toEqual(['run-1', 'run-2']);
    const local = (await history.exportAll()).map((e) => ({ runId: e.runId, csoRunId: e.csoRunId, p: e.csoPending }));
    expect(local).toEqual([
      { runId: 'run-2', csoRunId: cso.runs[0]!.id, p: undefined },
      { runId: 'run-1', csoRunId: cso.runs[1]!.id, p: undefined },
    ]);
  });

  it('a failed append never fails the run, and goes with the next run, first and only once', async () => {
    const { service, cso, appendRun } = setup();
    cso.state.fail = 'down';
    const outcome = await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' });
    expect(outcome.outcome).toBe('success');
    expect(cso.runs).toHaveLength(0);
    cso.state.fail = null;
    await service.synchronize(target, { trigger: 'user', who: 'Sam Roe' });
    expect(cso.runs.map((r) => r.by)).toEqual(['Sam Roe', 'Pat Lee']);
    await service.synchronize(target, { trigger: 'user', who: 'Sam Roe' });
    expect(cso.runs).toHaveLength(3);
    expect(appendRun.mock.calls.map((c) => c[2].idempotencyKey)).toEqual(['run-1', 'run-1', 'run-2', 'run-3']);
  });

  it('an append whose answer was lost is sent again with the same key and stored once', async () => {
    const { service, cso, history } = setup();
    const append = cso.appendRun;
    // The append lands, but its answer never comes back.
    cso.appendRun = async (...args) => {
      await append(...args);
      cso.appendRun = append;
      throw new Error('network error');
    };
    await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' });
    expect(await history.pendingShares(500)).toHaveLength(1);
    await service.synchronize(target, { trigger: 'user', who: 'Sam Roe' });
    expect(cso.runs.map((r) => r.by)).toEqual(['Sam Roe', 'Pat Lee']);
    expect(await history.pendingShares(500)).toEqual([]);
  });

  it('a server older than v1.3 keeps History in this browser, silently, and is not sent old entries again', async () => {
    const { service, cso, appendRun, history } = setup();
    cso.state.fail = 'older';
    expect((await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' })).outcome).toBe('success');
    expect(await history.pendingShares(500)).toEqual([]);
    await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' });
    expect(appendRun).toHaveBeenCalledTimes(2);
    expect((await history.list({ page: 0, pageSize: 10 })).total).toBe(2);
  });

  it('a run that stopped and an Undo are shared like any run', async () => {
    const undo = async () => ({ counts: { reactivated: 0, restored: 1, removed: 0 }, refused: [] });
    const { service, cso } = setup({
      synchronize: async () => {
        throw new Error('QuickBooks is down.');
      },
      undo,
      rows: async () => [],
    } as never);
    await service.synchronize(target, { trigger: 'user', who: 'Pat Lee' });
    await service.undo(target, 'run-0', 'Pat Lee');
    expect(cso.runs.map((r) => [r.outcome, r.counts])).toEqual([
      ['succeeded', { restored: 1 }],
      ['failed', { errors: 1 }],
    ]);
  });
});
