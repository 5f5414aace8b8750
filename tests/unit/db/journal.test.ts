import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../lib/db';
import type { JournalRun } from '../../../lib/sync/ports';
import { ACME, BETA, freshDb } from './db-fixtures';

const run = (runId: string): JournalRun => ({
  runId,
  startedAt: '2025-01-01T00:00:00.000Z',
  plan: { ops: [], levels: [] },
  batches: [{ batchId: 'b1', requestId: `${runId}-batch` }],
  ops: ['op-c', 'op-a', 'op-b'].map((opId) => ({ opId, requestId: `${runId}-${opId}`, state: 'pending' as const })),
  finished: false,
});

describe('journal', () => {
  it('a restarted worker finds the unfinished run with its keys and op states, in plan order', async () => {
    const { db, reopen } = freshDb();
    const journal = createJournal(db, ACME);
    expect(await journal.open()).toBeNull();
    await journal.begin(run('r1'));
    await journal.mark('r1', [{ opId: 'op-a', requestId: 'r1-op-a', state: 'sent' }]);
    await journal.mark('r1', [
      {
        opId: 'op-a',
        requestId: 'r1-op-a',
        state: 'failed',
        failure: { code: '6240', message: 'Duplicate', retryable: false },
      },
      { opId: 'op-c', requestId: 'r1-op-c', state: 'done' },
      { opId: 'op-new', requestId: 'r1-op-new', state: 'pending' },
    ]);
    db.close();
    const resumed = await createJournal(reopen(), ACME).open();
    expect(resumed).toEqual({
      ...run('r1'),
      ops: [
        { opId: 'op-c', requestId: 'r1-op-c', state: 'done' },
        {
          opId: 'op-a',
          requestId: 'r1-op-a',
          state: 'failed',
          failure: { code: '6240', message: 'Duplicate', retryable: false },
        },
        { opId: 'op-b', requestId: 'r1-op-b', state: 'pending' },
        { opId: 'op-new', requestId: 'r1-op-new', state: 'pending' },
      ],
    });
  });

  it('a finished run is not offered again; the next begin drops it', async () => {
    const { db } = freshDb();
    const journal = createJournal(db, ACME);
    await journal.begin(run('r1'));
    await journal.finish('r1');
    expect(await journal.open()).toBeNull();
    await journal.begin(run('r2'));
    expect((await journal.open())?.runId).toBe('r2');
    expect(await db.runs.count()).toBe(1);
    expect(await db.runOps.where('runId').equals('r1').count()).toBe(0);
  });

  it('keeps companies apart: one company never resumes, marks or finishes another company run', async () => {
    const { db } = freshDb();
    const a = createJournal(db, ACME);
    const b = createJournal(db, BETA);
    await a.begin(run('ra'));
    expect(await b.open()).toBeNull();
    await expect(b.mark('ra', [{ opId: 'op-a', requestId: 'x', state: 'done' }])).rejects.toThrow(/No run ra/);
    await b.finish('ra');
    await b.clear();
    expect((await a.open())?.runId).toBe('ra');
    await a.clear();
    expect(await a.open()).toBeNull();
    expect(await db.runOps.count()).toBe(0);
  });
});
