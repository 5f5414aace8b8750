/**
 * The in-memory row index stays in step with the stored rows: after a restart (loaded afresh),
 * when a write lands while it is loading, and for more companies than it keeps in memory.
 */
import { describe, expect, it } from 'vitest';
import { createRowIndexCache, createRowStore, toRowEntry, toStoredRow } from '../../../lib/db';
import { ACME, BETA, freshDb, row } from './db-fixtures';

const byName = { page: 0, pageSize: 10, sort: { field: 'name', dir: 'asc' } } as const;
const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);

describe('row index cache', () => {
  it('a patch right after a restarted worker began loading the index is not lost', async () => {
    const { db, reopen } = freshDb();
    await createRowStore(db).replaceRows(ACME, [
      row({ key: 'a', name: 'Alpha' }),
      row({ key: 'b', name: 'Beta', status: 'error', issueTitle: 'Refused' }),
    ]);
    const store = createRowStore(reopen());
    const loading = store.queryRows(ACME, byName);
    await store.patchRows(ACME, [{ key: 'b', name: 'Aardvark', status: 'synchronized', issue: null }]);
    expect(names(await loading)).toEqual(expect.arrayContaining(['Alpha']));
    const after = await store.queryRows(ACME, byName);
    expect(names(after)).toEqual(['Aardvark', 'Alpha']);
    expect(after.counts.byStatus).toMatchObject({ synchronized: 2, error: 0 });
    expect((await store.queryRows(ACME, { ...byName, filters: { statuses: ['error'] } })).total).toBe(0);
  });

  it('an index whose load a write overtook is not kept', async () => {
    const { db, reopen } = freshDb();
    await createRowStore(db).replaceRows(ACME, [
      row({ key: 'a', name: 'Before', status: 'error', issueTitle: 'Refused' }),
    ]);
    const restarted = reopen();
    const cache = createRowIndexCache(restarted);
    const loading = cache.get(ACME);
    // A write whose commit the load's read missed: the cache is told while the load is in flight.
    const fixed = toStoredRow(ACME, row({ key: 'a', name: 'After' }));
    cache.patched(ACME, [toRowEntry(fixed)]);
    await loading;
    await restarted.rows.put(fixed);
    const index = await cache.get(ACME);
    expect(index.page({ ...byName, filters: { statuses: ['synchronized'] } })).toEqual({ keys: ['a'], total: 1 });
    expect(index.counts().byStatus).toMatchObject({ synchronized: 1, error: 0 });
  });

  it('answers for more companies than it keeps in memory', async () => {
    const store = createRowStore(freshDb().db);
    const companies = Array.from({ length: 7 }, (_, i) => `${ACME}${i}`);
    for (const [i, company] of companies.entries())
      await store.replaceRows(company, [row({ key: 'a', name: `Company ${i}` })]);
    for (const [i, company] of [...companies.entries()].reverse())
      expect(names(await store.queryRows(company, byName))).toEqual([`Company ${i}`]);
    expect((await store.countRows(BETA)).total).toBe(0);
  });
});
