/**
 * For random rows, random live patches and random queries, queryRows returns exactly what
 * filtering, sorting and slicing in plain JS returns, in both directions, for every sort column:
 * from the index the writes kept current, and from one loaded afresh (a restarted worker).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRowStore, type RowPatch, type RowQuery, type RowStore } from '../../../lib/db';
import { describeStatus } from '../../../lib/entities';
import { ENTITY_TYPE_IDS, SYNC_STATUS_IDS } from '../../../lib/entities';
import { countRows, type SyncRow } from '../../../lib/sync/rows';
import type { AppDb } from '../../../lib/db';
import { ACME, BETA, freshDb, row } from './db-fixtures';
import { referenceQuery } from './row-reference';

const NAMES = [
  'Acme',
  'acme',
  'ACME',
  'Acme Fuel',
  'Beta',
  'beta',
  'Zed',
  'Äpfel',
  'apfel',
  '',
  'Parent:Child',
  'parent:child 2',
  '10 Store',
  '9 Store',
];
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

const rowsArb = fc
  .array(rowArb, { maxLength: 40 })
  .map((seeds) => seeds.map((s, i): SyncRow => row({ ...s, key: `k${(i * 7919) % 1000}` })));

// Patches change what rows sort and filter by (status, name, ids, issue); some name a missing key.
const patchArb = fc.record({
  at: fc.nat({ max: 45 }),
  status: fc.option(fc.constantFrom(...SYNC_STATUS_IDS), { nil: undefined }),
  name: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  csoId: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
  qboId: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
  issueTitle: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
});

function toPatch(rows: readonly SyncRow[], seed: typeof patchArb extends fc.Arbitrary<infer T> ? T : never): RowPatch {
  const { at, status, issueTitle, ...fields } = seed;
  const patch: RowPatch = {
    key: rows[at]?.key ?? `missing${at}`,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
  if (status) Object.assign(patch, { status, statusText: describeStatus(status) });
  if (issueTitle !== undefined)
    patch.issue = issueTitle
      ? { code: 'writeFailed', title: issueTitle, detail: `${issueTitle} detail`, remedies: [] }
      : null;
  return patch;
}

function applyPatches(rows: readonly SyncRow[], patches: readonly RowPatch[]): SyncRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const p of patches) {
    const base = byKey.get(p.key);
    if (base) byKey.set(p.key, { ...base, ...p });
  }
  return rows.map((r) => byKey.get(r.key)!);
}

const queryArb: fc.Arbitrary<RowQuery> = fc.record({
  page: fc.nat({ max: 4 }),
  pageSize: fc.integer({ min: 1, max: 8 }),
  sort: fc.record({
    field: fc.constantFrom(
      'type' as const,
      'csoId' as const,
      'name' as const,
      'qboId' as const,
      'issue' as const,
      'status' as const,
    ),
    dir: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  // Each filter is absent half of the time, so unfiltered and single-filter queries are common.
  filters: fc
    .record({
      types: fc.option(fc.subarray([...ENTITY_TYPE_IDS]), { nil: undefined, freq: 2 }),
      statuses: fc.option(fc.subarray([...SYNC_STATUS_IDS]), { nil: undefined, freq: 2 }),
      search: fc.option(fc.constantFrom('', 'a', 'AC', 'me f', '1', ' 0 ', 'b', 'zz', 'äp', ':'), {
        nil: undefined,
        freq: 2,
      }),
    })
    .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))),
});

describe('queryRows matches a plain JS filter + sort + slice', () => {
  let store: RowStore;
  let reopen: () => AppDb;
  beforeAll(async () => {
    const fresh = freshDb();
    store = createRowStore(fresh.db);
    reopen = fresh.reopen;
    // Another company's rows must never show up.
    await store.replaceRows(
      BETA,
      Array.from({ length: 15 }, (_, i) => row({ key: `k${i}`, name: `Acme other ${i}`, csoId: String(i) })),
    );
  });

  it('for random rows and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.array(patchArb, { maxLength: 6 }),
        fc.array(queryArb, { minLength: 1, maxLength: 6 }),
        async (replaced, patchSeeds, queries) => {
          await store.replaceRows(ACME, replaced);
          // A query first, so the patches change an index whose orders are already built.
          await store.queryRows(ACME, queries[0]!);
          const patches = patchSeeds.map((seed) => toPatch(replaced, seed));
          await store.patchRows(ACME, patches);
          const rows = applyPatches(replaced, patches);
          const restarted = reopen();
          const cold = createRowStore(restarted);
          for (const query of queries) {
            const want = referenceQuery(rows, query);
            for (const got of [await store.queryRows(ACME, query), await cold.queryRows(ACME, query)]) {
              expect(got.rows.map((r) => r.key)).toEqual(want.rows.map((r) => r.key));
              expect(got.rows).toEqual(want.rows);
              expect(got.total).toBe(want.total);
              expect(got.counts).toEqual(countRows(rows));
            }
          }
          restarted.close();
        },
      ),
      { numRuns: 200 },
    );
  });
});
