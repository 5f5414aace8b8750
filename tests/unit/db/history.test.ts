import { describe, expect, it } from 'vitest';
import { createRunHistory, type NewStoredRun } from '../../../lib/db';
import { ACME, BETA, freshDb } from './db-fixtures';

const entry = (n: number, over: Partial<NewStoredRun> = {}): NewStoredRun => ({
  runId: `run-${n}`,
  startedAt: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
  finishedAt: new Date(Date.UTC(2025, 0, 1, 0, n, 30)).toISOString(),
  trigger: n % 2 ? 'alarm' : 'user',
  who: n % 2 ? null : 'pat',
  outcome: 'succeeded',
  counts: { createInQbo: n, updateCso: 1 },
  errors: [],
  ...over,
});

describe('run history', () => {
  it('lists newest first, page by page, with the total', async () => {
    const { db } = freshDb();
    const history = createRunHistory(db, ACME);
    for (const n of [3, 1, 4, 2, 5]) await history.append(entry(n));
    const first = await history.list({ page: 0, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.entries.map((e) => e.runId)).toEqual(['run-5', 'run-4']);
    expect((await history.list({ page: 2, pageSize: 2 })).entries.map((e) => e.runId)).toEqual(['run-1']);
    const all = await history.exportAll();
    expect(all.map((e) => e.runId)).toEqual(['run-5', 'run-4', 'run-3', 'run-2', 'run-1']);
    expect(all[0]).toMatchObject({
      connection: ACME,
      trigger: 'alarm',
      who: null,
      counts: { createInQbo: 5, updateCso: 1 },
    });
  });

  it('drops the oldest entries beyond the cap, per company', async () => {
    const { db } = freshDb();
    const a = createRunHistory(db, ACME, { cap: 3 });
    const b = createRunHistory(db, BETA, { cap: 3 });
    await b.append(
      entry(0, { outcome: 'failed', errors: [{ rowKey: null, code: '500', title: 'QuickBooks is down', detail: '' }] }),
    );
    for (let n = 1; n <= 6; n++) await a.append(entry(n));
    expect((await a.exportAll()).map((e) => e.runId)).toEqual(['run-6', 'run-5', 'run-4']);
    expect((await b.exportAll()).map((e) => e.outcome)).toEqual(['failed']);
    await a.clear();
    expect(await a.exportAll()).toEqual([]);
    expect(await b.exportAll()).toHaveLength(1);
  });
});
