import { describe, expect, it, vi } from 'vitest';
import { createSyncService } from '../../../lib/background/sync-service';
import { createRunHistory, historyToCsv, type RowStore } from '../../../lib/db';
import { ReconnectNeededError } from '../../../lib/qbo';
import type { SyncEngine, SyncPlan } from '../../../lib/sync';
import { ACME, freshDb } from './db-fixtures';

const target = { key: ACME, origin: 'https://a.cstoreoffice.com', companyId: '101' };
const byStatus = {
  synchronized: 5,
  waitingForCreation: 0,
  waitingForUpdate: 0,
  waitingForDeletion: 0,
  error: 1,
  notSynced: 0,
};

/** One run of the real sync service over a fake engine, kept in a real RunHistory: the stored shape. */
async function storedRuns(runs: Array<{ who: string | null; trigger: 'user' | 'alarm'; engine: Partial<SyncEngine> }>) {
  const { db } = freshDb();
  let id = 0;
  let minute = 0;
  for (const run of runs) {
    const service = createSyncService({
      buildEngine: async () => run.engine as SyncEngine,
      rows: { replaceRows: vi.fn(async () => {}) } as unknown as RowStore,
      history: (key) => createRunHistory(db, key),
      hub: { publish: () => {}, attach: () => {}, size: 0 },
      now: () => new Date(Date.UTC(2026, 10, 25, 12, minute++)),
      newId: () => `run-${++id}`,
    });
    await service.synchronize(target, { trigger: run.trigger, who: run.who });
  }
  return createRunHistory(db, ACME).exportAll();
}

const op = (kind: string, target: 'qbo' | 'cso' | null) => ({ id: `${kind}-${target}`, kind, target });
const executed: SyncPlan = {
  ops: [
    op('create', 'qbo'),
    op('create', 'qbo'),
    op('create', 'cso'),
    op('update', 'cso'),
    op('deactivate', 'qbo'),
    op('delete', 'cso'),
    op('link', null),
  ] as never,
  levels: [],
};
const applied = {
  synchronize: async () => ({
    plan: executed,
    executed,
    rows: [],
    summary: {
      writes: { create: { cso: 0, qbo: 0 }, update: { cso: 0, qbo: 0 }, deactivate: 0, delete: 0 },
      local: { link: 0, unlink: 0 },
      batches: { cso: 0, qbo: 0 },
      levels: 0,
      rows: { total: 6, byStatus },
    },
    failures: [
      {
        rowKey: 'cso:customer:7',
        opId: 'create-qbo',
        code: '6240',
        title: 'Name taken',
        detail: 'A vendor "Acme, Inc" already uses it',
        retryable: false,
        csoHash: null,
        qboHash: null,
        at: '',
      },
    ],
    resumed: false,
    writes: [],
    heldDeletions: [],
    heldCreates: null,
  }),
};
const stopped = {
  synchronize: async () => {
    throw new ReconnectNeededError('gone');
  },
};

describe('history CSV', () => {
  it('writes each stored run with what the sync service counted per action, newest first', async () => {
    const csv = historyToCsv(
      await storedRuns([
        { who: 'Pat Lee', trigger: 'user', engine: applied },
        { who: null, trigger: 'alarm', engine: stopped },
      ]),
    );
    const [header, second, first, end] = csv.split('\r\n');
    expect(header).toBe(
      'Started,Finished,Trigger,Started by,Outcome,Created in QuickBooks,Created in CStoreOffice,Updated in QuickBooks,Updated in CStoreOffice,Deactivated in QuickBooks,Deleted in CStoreOffice,Linked,Errors,Error details',
    );
    expect(first).toBe(
      '2026-11-25T12:00:00.000Z,2026-11-25T12:01:00.000Z,user,Pat Lee,partial,2,1,0,1,1,1,1,1,"Name taken: A vendor ""Acme, Inc"" already uses it"',
    );
    expect(second).toMatch(
      /^2026-11-25T12:02:00.000Z,2026-11-25T12:03:00.000Z,alarm,Automatic sync,failed,0,0,0,0,0,0,0,1,"?The synchronization stopped: .*Connect to QBO/,
    );
    expect(end).toBe('');
  });

  it('keeps a spreadsheet from running a record name as a formula', async () => {
    const [stored] = await storedRuns([{ who: 'Pat', trigger: 'user', engine: applied }]);
    const csv = historyToCsv([
      { ...stored!, errors: [{ rowKey: null, code: 'x', title: '=HYPERLINK("http://x")', detail: '' }] },
    ]);
    expect(csv.split('\r\n')[1]).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)"$/);
  });
});
