/**
 * A database made by the first version of the extension opens in this one with nothing a user
 * would miss: links, mirror, realm, tokens, history and an unfinished run's journal are as they
 * were, and the table shows the same rows, sorted, searched and counted as before. What version 2
 * drops (the rows' extra indexes and sort keys, the search text table) is gone from the database.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  SCHEMA_V1,
  createJournal,
  createLinkStore,
  createRowStore,
  createRunHistory,
  createStateStore,
} from '../../../lib/db';
import type { SyncRow } from '../../../lib/sync/rows';
import { ACME, BETA, freshDb, link, row } from './db-fixtures';

/** A row as version 1 stored it: the row, its connection, and the sort keys its indexes needed. */
function v1Row(connection: string, r: SyncRow, statusRank: number) {
  const idSort = (id: string | null) =>
    !id ? '' : /^\d+$/.test(id) ? `0${id.padStart(30, '0')}` : `1${id.toLowerCase()}`;
  const sortKeys = {
    nameKey: r.name.toLowerCase(),
    typeSort: r.typeLabel.toLowerCase(),
    statusRank,
    csoSort: idSort(r.csoId),
    qboSort: idSort(r.qboId),
    issueKey: r.issue?.title.toLowerCase() ?? '',
  };
  return { ...r, connection, ...sortKeys };
}

const rowsOfAcme = [
  row({ key: 'cso:account:1', name: 'Sales', qboId: '10' }),
  row({ key: 'cso:account:2', name: 'fuel', status: 'error', issueTitle: 'Refused' }),
  row({ key: 'cso:account:3', name: 'Bank', status: 'waitingForCreation' }),
];
const rowOfBeta = row({ key: 'cso:account:1', name: 'Beta sales' });
const links = [link('account', '1', '10', 'Sales'), link('account', '3', '30', 'Bank')];
const ops = [
  { opId: 'op-b', requestId: 'req-b', state: 'done' },
  { opId: 'op-a', requestId: 'req-a', state: 'pending' },
];
const token = {
  companyId: ACME,
  realmId: 'R1',
  accessToken: 'a',
  refreshToken: 'r',
  accessExpiresAt: 1,
  refreshExpiresAt: 2,
  refreshHardExpiresAt: null,
  status: 'active',
  connectedAt: 0,
};
const historyEntry = {
  connection: ACME,
  runId: 'run-1',
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:00:30.000Z',
  trigger: 'user',
  who: 'pat',
  outcome: 'succeeded',
  counts: { createInQbo: 1 },
  errors: [],
};

/** Fills a version 1 database the way version 1 of the background wrote it. */
async function makeV1(name: string): Promise<void> {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('companies').put({
    key: ACME,
    origin: 'https://a.cstoreoffice.com',
    companyId: '101',
    companyName: 'Acme',
    lastSeenAt: '2025-01-01',
  });
  await old.table('connections').put(token);
  await old.table('links').bulkPut(links.map((l) => ({ ...l, connection: ACME })));
  await old.table('mirror').put({
    connection: ACME,
    side: 'cso',
    list: 'account',
    id: '1',
    record: { id: '1', name: 'Sales', active: true, revision: '1', updatedAt: null },
  });
  await old
    .table('meta')
    .put({ connection: ACME, cursors: { cso: null, qbo: { value: 't', takenAt: 't' } }, realmId: 'R1' });
  await old.table('runs').put({
    runId: 'run-2',
    connection: ACME,
    startedAt: '2025-01-02T00:00:00.000Z',
    plan: { ops: [], levels: [] },
    batches: [],
    state: 'open',
  });
  await old.table('runOps').bulkPut(ops.map((op, seq) => ({ ...op, runId: 'run-2', seq })));
  await old.table('history').add(historyEntry);
  await old
    .table('rows')
    .bulkPut([...rowsOfAcme.map((r, i) => v1Row(ACME, r, [0, 4, 1][i]!)), v1Row(BETA, rowOfBeta, 0)]);
  await old
    .table('rowText')
    .bulkPut([
      ...rowsOfAcme.map((r) => ({ connection: ACME, key: r.key, text: r.name.toLowerCase() })),
      { connection: BETA, key: rowOfBeta.key, text: 'beta sales' },
    ]);
  old.close();
}

describe('upgrading a version 1 database', () => {
  it('keeps links, mirror, realm, tokens, history, the journal and the rows; drops the unused row storage', async () => {
    const { name, reopen } = freshDb();
    await makeV1(name);
    const db = reopen();
    await db.open();
    expect(db.verno).toBe(2);

    expect(await createLinkStore(db, ACME).all()).toEqual(links);
    const state = await createStateStore(db, ACME, createRowStore(db)).load();
    expect(state).toMatchObject({
      realmId: 'R1',
      cso: { account: [expect.objectContaining({ id: '1', name: 'Sales' })] },
      cursors: { qbo: { value: 't' } },
    });
    expect(await db.connections.get(ACME)).toEqual(token);
    expect(await db.companies.get(ACME)).toMatchObject({ companyName: 'Acme' });
    expect((await createRunHistory(db, ACME).list({ page: 0, pageSize: 5 })).entries).toEqual([
      expect.objectContaining({ ...historyEntry, id: 1 }),
    ]);
    expect(await createJournal(db, ACME).open()).toMatchObject({ runId: 'run-2', ops, finished: false });

    const rows = createRowStore(db);
    const byName = await rows.queryRows(ACME, { page: 0, pageSize: 10, sort: { field: 'name', dir: 'asc' } });
    expect(byName.rows).toEqual([rowsOfAcme[2], rowsOfAcme[1], rowsOfAcme[0]]);
    expect(byName.counts).toEqual({
      total: 3,
      byStatus: {
        synchronized: 1,
        waitingForCreation: 1,
        waitingForUpdate: 0,
        waitingForDeletion: 0,
        error: 1,
        notSynced: 0,
      },
    });
    expect((await rows.queryRows(ACME, { page: 0, pageSize: 10, filters: { search: '10' } })).rows).toEqual([
      rowsOfAcme[0],
    ]);
    expect((await rows.queryRows(BETA, { page: 0, pageSize: 10 })).rows).toEqual([rowOfBeta]);

    // Stored rows are the rows and their connection, nothing more; rowText and the row indexes are gone.
    expect(await db.rows.get([ACME, 'cso:account:2'])).toEqual({ ...rowsOfAcme[1], connection: ACME });
    const idb = db.backendDB();
    expect([...idb.objectStoreNames]).not.toContain('rowText');
    expect([...idb.transaction('rows').objectStore('rows').indexNames]).toEqual([]);
    expect([...idb.transaction('links').objectStore('links').indexNames]).toEqual(['[connection+qboEntity+qboId]']);
  });
});
