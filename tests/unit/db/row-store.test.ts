import { describe, expect, it } from 'vitest';
import { createRowStore } from '../../../lib/db';
import { ACME, BETA, freshDb, row } from './db-fixtures';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('row store', () => {
  it('replaces all rows of a company and leaves other companies alone', async () => {
    const store = createRowStore(freshDb().db);
    await store.replaceRows(ACME, [row({ key: 'a', name: 'Old' }), row({ key: 'b', name: 'Gone' })]);
    await store.replaceRows(BETA, [row({ key: 'a', name: 'Beta row' })]);
    await store.replaceRows(ACME, [row({ key: 'a', name: 'New' }), row({ key: 'c', name: 'Added' })]);
    expect(
      names((await store.queryRows(ACME, { page: 0, pageSize: 10, sort: { field: 'name', dir: 'asc' } })).rows),
    ).toEqual(['Added', 'New']);
    expect(names((await store.queryRows(BETA, { page: 0, pageSize: 10 })).rows)).toEqual(['Beta row']);
  });

  it('sorts names as the user reads them, ignoring case', async () => {
    const store = createRowStore(freshDb().db);
    await store.replaceRows(
      ACME,
      ['banana', 'Apple', 'cherry', 'Banana split'].map((name, i) => row({ key: `k${i}`, name })),
    );
    const asc = await store.queryRows(ACME, { page: 0, pageSize: 10, sort: { field: 'name', dir: 'asc' } });
    expect(names(asc.rows)).toEqual(['Apple', 'banana', 'Banana split', 'cherry']);
    const desc = await store.queryRows(ACME, { page: 1, pageSize: 3, sort: { field: 'name', dir: 'desc' } });
    expect(names(desc.rows)).toEqual(['Apple']);
  });

  it('patches rows live: a new status moves the row between filters and counts', async () => {
    const store = createRowStore(freshDb().db);
    await store.replaceRows(ACME, [
      row({ key: 'a', name: 'Sales', status: 'waitingForCreation' }),
      row({ key: 'b', name: 'Fuel', status: 'waitingForCreation' }),
    ]);
    const changed = await store.patchRows(ACME, [
      { key: 'a', status: 'synchronized', statusText: 'Synchronized', qboId: '42' },
      { key: 'b', status: 'error', issue: { code: 'writeFailed', title: 'Refused', detail: 'd', remedies: [] } },
      { key: 'b', name: 'Fuel 2' },
      { key: 'missing', name: 'x' },
    ]);
    expect(changed).toBe(2);
    const counts = await store.countRows(ACME);
    expect(counts).toEqual({
      total: 2,
      byStatus: {
        synchronized: 1,
        waitingForCreation: 0,
        waitingForUpdate: 0,
        waitingForDeletion: 0,
        error: 1,
        notSynced: 0,
      },
    });
    const errors = await store.queryRows(ACME, {
      page: 0,
      pageSize: 10,
      filters: { statuses: ['error'] },
      sort: { field: 'issue', dir: 'asc' },
    });
    expect(errors.rows).toEqual([
      expect.objectContaining({ key: 'b', name: 'Fuel 2', issue: expect.objectContaining({ title: 'Refused' }) }),
    ]);
    const found = await store.queryRows(ACME, { page: 0, pageSize: 10, filters: { search: '42' } });
    expect(found.rows.map((r) => r.key)).toEqual(['a']);
    // A row renamed in QuickBooks is found by either name.
    await store.replaceRows(ACME, [{ ...row({ key: 'r', name: 'Acme' }), qboName: 'Acme Fuel Co' }]);
    const byQboName = await store.queryRows(ACME, { page: 0, pageSize: 10, filters: { search: 'fuel co' } });
    expect(byQboName.rows).toEqual([expect.objectContaining({ key: 'r', name: 'Acme', qboName: 'Acme Fuel Co' })]);
    expect((await store.queryRows(BETA, { page: 0, pageSize: 10 })).total).toBe(0);
  });

  it('an empty filter list matches nothing; a blank search matches everything', async () => {
    const store = createRowStore(freshDb().db);
    await store.replaceRows(ACME, [row({ key: 'a', name: 'A' })]);
    expect((await store.queryRows(ACME, { page: 0, pageSize: 5, filters: { types: [] } })).total).toBe(0);
    expect((await store.queryRows(ACME, { page: 0, pageSize: 5, filters: { search: '   ' } })).total).toBe(1);
  });
});
