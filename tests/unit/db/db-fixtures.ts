/** Fresh databases and small builders for the lib/db tests. */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { AppDb } from '../../../lib/db';
import { describeStatus, ENTITY_TYPES, type EntityTypeId, type SyncStatusId } from '../../../lib/entities';
import type { SyncRow } from '../../../lib/sync/rows';
import type { Link } from '../../../lib/sync/types';

const opened: AppDb[] = [];
let counter = 0;

/** Each test gets its own database name; `reopen` is a new AppDb on the same name (a restarted worker). */
export function freshDb(): { db: AppDb; name: string; reopen: () => AppDb } {
  const name = `db-test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const open = () => {
    // Passed explicitly: Dexie reads the global indexedDB when it is first imported.
    const db = new AppDb(name, { indexedDB, IDBKeyRange });
    opened.push(db);
    return db;
  };
  return { db: open(), name, reopen: open };
}

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  const byName = new Map(dbs.map((db) => [db.name, db]));
  for (const db of byName.values()) await db.delete().catch(() => undefined);
});

export const ACME = 'https://a.cstoreoffice.com|101';
export const BETA = 'https://a.cstoreoffice.com|202';

export function link(csoType: EntityTypeId, csoId: string, qboId: string, name = `n${csoId}`): Link {
  const snap = (revision: string) => ({ revision, hash: `h-${name}`, values: { name } });
  return {
    csoType,
    csoId,
    qboEntity: ENTITY_TYPES[csoType].qboEntity,
    qboId,
    cso: snap('1'),
    qbo: snap('0'),
    ignoredIssue: null,
    linkedAt: '2025-01-01T00:00:00.000Z',
  };
}

export function row(init: {
  key: string;
  typeId?: EntityTypeId;
  name: string;
  status?: SyncStatusId;
  csoId?: string | null;
  qboId?: string | null;
  issueTitle?: string | null;
}): SyncRow {
  const typeId = init.typeId ?? 'account';
  const status = init.status ?? 'synchronized';
  return {
    key: init.key,
    typeId,
    typeLabel: ENTITY_TYPES[typeId].label,
    csoId: init.csoId === undefined ? init.key : init.csoId,
    qboId: init.qboId ?? null,
    name: init.name,
    status,
    target: null,
    statusText: describeStatus(status),
    issue: init.issueTitle
      ? { code: 'writeFailed', title: init.issueTitle, detail: `${init.issueTitle} detail`, remedies: [] }
      : null,
    ignored: false,
    csoHash: null,
    qboHash: null,
    opIds: [],
  };
}
