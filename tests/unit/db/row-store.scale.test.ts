/**
 * 20,000 rows: replaced in one transaction and paged through the in-memory row index, also as a
 * restarted worker that loads that index first. Times are printed, not
 * asserted (fake-indexeddb is far slower than Chrome's IndexedDB, and CI machines vary).
 */
import { describe, expect, it } from 'vitest';
import { createRowStore, type RowQuery } from '../../../lib/db';
import { ENTITY_TYPE_IDS, SYNC_STATUS_IDS } from '../../../lib/entities';
import { ACME, freshDb, row } from './db-fixtures';

const N = 20_000;

describe('20,000 rows', () => {
  it('replace, then page through sorted and filtered views', async () => {
    const { db, reopen } = freshDb();
    const store = createRowStore(db);
    const rows = Array.from({ length: N }, (_, i) =>
      row({
        key: `cso:x:${i}`,
        name: `Name ${(i * 7919) % N}`,
        typeId: ENTITY_TYPE_IDS[i % 7]!,
        status: SYNC_STATUS_IDS[i % 5]!,
        csoId: String(i),
        qboId: i % 3 ? String(N + i) : null,
      }),
    );
    const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await work();
      console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
      return result;
    };
    await time('replaceRows 20k', () => store.replaceRows(ACME, rows));
    await time('replaceRows 20k again', () => store.replaceRows(ACME, rows));
    const queries: [string, RowQuery][] = [
      ['name asc, page 0', { page: 0, pageSize: 50, sort: { field: 'name', dir: 'asc' } }],
      ['name desc, page 300', { page: 300, pageSize: 50, sort: { field: 'name', dir: 'desc' } }],
      [
        'status sort, 2 statuses',
        {
          page: 10,
          pageSize: 50,
          sort: { field: 'status', dir: 'asc' },
          filters: { statuses: ['error', 'waitingForUpdate'] },
        },
      ],
      [
        'name sort, errors only',
        { page: 0, pageSize: 50, sort: { field: 'name', dir: 'asc' }, filters: { statuses: ['error'] } },
      ],
      [
        'csoId sort, search',
        { page: 0, pageSize: 50, sort: { field: 'csoId', dir: 'asc' }, filters: { search: 'name 19' } },
      ],
    ];
    for (const [label, query] of queries) {
      const page = await time(label, () => store.queryRows(ACME, query));
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.counts.total).toBe(N);
    }
    expect((await store.queryRows(ACME, queries[3]![1])).total).toBe(N / 5);
    const restarted = createRowStore(reopen());
    const cold = await time('first query after a restart (loads the index)', () =>
      restarted.queryRows(ACME, queries[3]![1]),
    );
    expect(cold.total).toBe(N / 5);
    expect(cold.rows).toEqual((await store.queryRows(ACME, queries[3]![1])).rows);
  }, 120_000); // fake-indexeddb writes 20k rows × 7 indexes in seconds, not the milliseconds Chrome takes
});
