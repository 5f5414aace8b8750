import { describe, expect, it } from 'vitest';
import { type AppDb, createLinkStore, createRowStore, createStateStore } from '../../../lib/db';
import type { IgnoreMarker, StoredIssue } from '../../../lib/sync/ports';
import type { AnyRecord } from '../../../lib/sync/types';
import { ACME, BETA, freshDb, link, row } from './db-fixtures';

const rec = (id: string, name: string, revision = '1'): AnyRecord => ({
  id,
  name,
  active: true,
  revision,
  updatedAt: null,
});
const issue = (rowKey: string, opId: string): StoredIssue => ({
  rowKey,
  opId,
  code: '6240',
  title: 'Name taken',
  detail: 'd',
  retryable: false,
  csoHash: 'c',
  qboHash: null,
  at: '2025-01-01T00:00:00.000Z',
});
const ignore = (rowKey: string): IgnoreMarker => ({
  rowKey,
  csoHash: 'c',
  qboHash: 'q',
  at: '2025-01-01T00:00:00.000Z',
});
/** A state store with a row store of its own, for the tests that leave rows aside. */
const stateStore = (db: AppDb, key: string) => createStateStore(db, key, createRowStore(db));

describe('state store', () => {
  it('starts empty', async () => {
    const { db } = freshDb();
    expect(await stateStore(db, ACME).load()).toEqual({
      cso: {},
      qbo: {},
      reserved: [],
      cursors: { cso: null, qbo: null },
      issues: [],
      ignores: [],
      realmId: null,
    });
  });

  it('keeps the last run’s writes for Undo and the rows an Undo holds, per company, until history is cleared', async () => {
    const { db } = freshDb();
    const acme = stateStore(db, ACME);
    const log = {
      runId: 'r1',
      at: '2025-01-01T00:00:00.000Z',
      writes: [
        {
          kind: 'update' as const,
          side: 'cso' as const,
          typeId: 'customer' as const,
          list: 'customer',
          id: '1',
          name: 'Acme',
          before: { email: null },
          revision: '3',
          rowKeys: ['cso:customer:1'],
        },
      ],
    };
    const hold = {
      rowKey: 'qbo:Customer:9',
      code: 'createUndone' as const,
      title: 'Creation undone',
      detail: 'd',
      at: '2025-01-01T00:00:00.000Z',
    };
    await acme.setUndoLog(log);
    await acme.setHolds([hold]);
    await acme.setCursor('cso', { value: 'c1', takenAt: '2025-01-01T00:00:00.000Z' });
    expect(await acme.load()).toMatchObject({ undoLog: log, holds: [hold] });
    expect(await stateStore(db, BETA).load()).not.toHaveProperty('undoLog');
    await acme.setUndoLog(null);
    expect(await acme.load()).not.toHaveProperty('undoLog');
    await acme.clear();
    expect(await acme.load()).not.toHaveProperty('holds');
  });

  it('replaces one side wholesale and keeps the other', async () => {
    const { db } = freshDb();
    const state = stateStore(db, ACME);
    await state.replaceSide('cso', { account: [rec('1', 'Sales'), rec('2', 'Fuel')], class: [rec('5', 'East')] });
    await state.replaceSide('qbo', { Account: [rec('10', 'Sales')] }, [
      { entity: 'Employee', id: 'e1', name: 'Pat', active: true },
    ]);
    await state.replaceSide('cso', { account: [rec('3', 'Lottery')] });
    const data = await state.load();
    expect(data.cso).toEqual({ account: [rec('3', 'Lottery')] });
    expect(data.qbo).toEqual({ Account: [rec('10', 'Sales')] });
    expect(data.reserved).toEqual([{ entity: 'Employee', id: 'e1', name: 'Pat', active: true }]);
    await state.replaceSide('qbo', { Account: [] }, []);
    expect((await state.load()).reserved).toEqual([]);
  });

  it('applies incremental puts and removals per list', async () => {
    const { db } = freshDb();
    const state = stateStore(db, ACME);
    await state.replaceSide('qbo', { Account: [rec('10', 'Sales'), rec('11', 'Fuel')] }, []);
    await state.putRecords('qbo', 'Account', [rec('11', 'Fuel Sales', '2'), rec('12', 'Store')]);
    await state.removeRecords('qbo', 'Account', ['10', 'nope']);
    await state.putReserved([{ entity: 'Item', id: 'i1', name: 'Widget', active: true }]);
    await state.putReserved([{ entity: 'Item', id: 'i1', name: 'Widget 2', active: false }]);
    const data = await state.load();
    expect(data.qbo.Account).toEqual([rec('11', 'Fuel Sales', '2'), rec('12', 'Store')]);
    expect(data.reserved).toEqual([{ entity: 'Item', id: 'i1', name: 'Widget 2', active: false }]);
  });

  it('keeps cursors, realm, issues (in order) and ignore markers', async () => {
    const { db, reopen } = freshDb();
    const state = stateStore(db, ACME);
    await Promise.all([
      state.setCursor('qbo', { value: 't1', takenAt: 't1' }),
      state.setCursor('cso', { value: 'c1', takenAt: 't1' }),
      state.setRealm('R1'),
    ]);
    await state.setIssues([issue('b', 'op2'), issue('a', 'op1'), issue('a', 'op3')]);
    await state.setIssues([issue('z', 'op9'), issue('a', 'op1')]);
    await state.setIgnores([ignore('r1'), ignore('r2')]);
    await state.setIgnores([ignore('r2')]);
    const data = await stateStore(reopen(), ACME).load();
    expect(data.cursors).toEqual({ qbo: { value: 't1', takenAt: 't1' }, cso: { value: 'c1', takenAt: 't1' } });
    expect(data.realmId).toBe('R1');
    expect(data.issues).toEqual([issue('z', 'op9'), issue('a', 'op1')]);
    expect(data.ignores).toEqual([ignore('r2')]);
  });

  it('Clear Sync History drops links, mirror, cursors, realm, issues, ignores and rows of one company only', async () => {
    const { db } = freshDb();
    const rows = createRowStore(db);
    const fill = async (key: string) => {
      const state = createStateStore(db, key, rows);
      await state.replaceSide('cso', { account: [rec('1', 'Sales')] });
      await state.replaceSide('qbo', { Account: [rec('10', 'Sales')] }, [
        { entity: 'Employee', id: 'e1', name: 'Pat', active: true },
      ]);
      await state.setCursor('qbo', { value: 't', takenAt: 't' });
      await state.setRealm('R');
      await state.setIssues([issue('a', 'op1')]);
      await state.setIgnores([ignore('a')]);
      await createLinkStore(db, key).put([link('account', '1', '10')]);
      await rows.replaceRows(key, [row({ key: 'cso:account:1', name: 'Sales' })]);
      return state;
    };
    const acme = await fill(ACME);
    const beta = await fill(BETA);
    const before = await beta.load();
    await acme.clear();
    expect(await acme.load()).toEqual({
      cso: {},
      qbo: {},
      reserved: [],
      cursors: { cso: null, qbo: null },
      issues: [],
      ignores: [],
      realmId: null,
    });
    expect(await createLinkStore(db, ACME).all()).toEqual([]);
    // The row store the rows were written through answers from memory: it was told.
    expect((await rows.countRows(ACME)).total).toBe(0);
    expect((await createRowStore(db).countRows(ACME)).total).toBe(0);
    expect(await beta.load()).toEqual(before);
    expect(await createLinkStore(db, BETA).all()).toHaveLength(1);
    expect((await rows.queryRows(BETA, { page: 0, pageSize: 10 })).rows.map((r) => r.name)).toEqual(['Sales']);
  });

  it('keeps two companies apart', async () => {
    const { db } = freshDb();
    const a = stateStore(db, ACME);
    const b = stateStore(db, BETA);
    await a.replaceSide('cso', { account: [rec('1', 'Sales')] });
    await b.replaceSide('cso', { account: [rec('1', 'Other')] });
    await b.removeRecords('cso', 'account', ['1']);
    await b.setRealm('RB');
    expect((await a.load()).cso).toEqual({ account: [rec('1', 'Sales')] });
    expect((await a.load()).realmId).toBeNull();
  });
});
