/**
 * For random rows and random queries, the index-served queryRows returns exactly what filtering,
 * sorting and slicing in plain JS returns, in both directions, for every sort column.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRowStore, type RowQuery, type RowStore } from '../../../lib/db';
import { ENTITY_TYPE_IDS, SYNC_STATUS_IDS } from '../../../lib/entities';
import { countRows, type SyncRow } from '../../../lib/sync/rows';
import { ACME, BETA, freshDb, row } from './db-fixtures';
import { referenceQuery } from './row-reference';

const NAMES = ['Acme', 'acme', 'ACME', 'Acme Fuel', 'Beta', 'beta', 'Zed', 'Äpfel', 'apfel', '', 'Parent:Child', 'parent:child 2', '10 Store', '9 Store'];
const IDS = [null, '1', '2', '9', '10', '007', '7', 'abc', 'ABD', 'x-1'];
const TITLES = [null, 'Name taken', 'name Taken', 'Conflict', 'Invalid name'];

const rowArb = fc.record({
  typeId: fc.constantFrom(...ENTITY_TYPE_IDS),
  name: fc.constantFrom(...NAMES),
  status: fc.constantFrom(...SYNC_STATUS_IDS),
  csoId: fc.constantFrom(...IDS),
  qboId: fc.constantFrom(...IDS),
  issueTitle: fc.constantFrom(...TITLES),
});

const rowsArb = fc.array(rowArb, { maxLength: 40 }).map((seeds) => seeds.map((s, i): SyncRow => row({ ...s, key: `k${(i * 7919) % 1000}` })));

const queryArb: fc.Arbitrary<RowQuery> = fc.record({
  page: fc.nat({ max: 4 }),
  pageSize: fc.integer({ min: 1, max: 8 }),
  sort: fc.record({ field: fc.constantFrom('type' as const, 'csoId' as const, 'name' as const, 'qboId' as const, 'issue' as const, 'status' as const), dir: fc.constantFrom('asc' as const, 'desc' as const) }),
  // Each filter is absent half of the time, so unfiltered and single-filter queries are common.
  filters: fc
    .record({
      types: fc.option(fc.subarray([...ENTITY_TYPE_IDS]), { nil: undefined, freq: 2 }),
      statuses: fc.option(fc.subarray([...SYNC_STATUS_IDS]), { nil: undefined, freq: 2 }),
      search: fc.option(fc.constantFrom('', 'a', 'AC', 'me f', '1', ' 0 ', 'b', 'zz', 'äp', ':'), { nil: undefined, freq: 2 }),
    })
    .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))),
});

describe('queryRows matches a plain JS filter + sort + slice', () => {
  let store: RowStore;
  beforeAll(async () => {
    store = createRowStore(freshDb().db);
    // Another company's rows must never show up.
    await store.replaceRows(BETA, Array.from({ length: 15 }, (_, i) => row({ key: `k${i}`, name: `Acme other ${i}`, csoId: String(i) })));
  });

  it('for random rows and queries', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.array(queryArb, { minLength: 1, maxLength: 6 }), async (rows, queries) => {
        await store.replaceRows(ACME, rows);
        for (const query of queries) {
          const got = await store.queryRows(ACME, query);
          const want = referenceQuery(rows, query);
          expect(got.rows.map((r) => r.key)).toEqual(want.rows.map((r) => r.key));
          expect(got.rows).toEqual(want.rows);
          expect(got.total).toBe(want.total);
          expect(got.counts).toEqual(countRows(rows));
        }
      }),
      { numRuns: 200 },
    );
  });
});
