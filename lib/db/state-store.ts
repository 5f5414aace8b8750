/**
 * The engine's StateStore for one connection: both sides' last-read records (one row per record,
 * so an incremental read writes only what changed), reserved QBO names, cursors, realm, stored
 * issues and ignore markers.
 */
import type { Side } from '../entities';
import type { MirrorData, StateStore } from '../sync/ports';
import type { AnyRecord } from '../sync/types';
import { type AppDb, type MetaRow, type MirrorRow, prefixRange } from './app-db';
import { clearConnectionState } from './clear-history';
import type { RowStore } from './row-store';

/** `rows`: the background's row store, told when Clear Sync History has deleted the connection's rows. */
export function createStateStore(db: AppDb, connectionKey: string, rows: RowStore): StateStore {
  const sideRange = (side: Side) =>
    db.mirror.where('[connection+side+list+id]').between(...prefixRange([connectionKey, side], 4), true, true);
  const reservedRange = () =>
    db.reserved.where('[connection+entity+id]').between(...prefixRange([connectionKey], 3), true, true);
  const ignoreRange = () =>
    db.ignores.where('[connection+rowKey]').between(...prefixRange([connectionKey], 2), true, true);
  const toRows = (side: Side, list: string, records: AnyRecord[]): MirrorRow[] =>
    records.map((record) => ({ connection: connectionKey, side, list, id: record.id, record }));

  // Read-modify-write of the one meta row, inside a transaction so two setters cannot lose a write.
  async function updateMeta(change: (meta: MetaRow) => void): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const meta = (await db.meta.get(connectionKey)) ?? {
        connection: connectionKey,
        cursors: { cso: null, qbo: null },
        realmId: null,
      };
      change(meta);
      await db.meta.put(meta);
    });
  }

  return {
    async load() {
      return db.transaction('r', [db.mirror, db.reserved, db.meta, db.issues, db.ignores], async () => {
        const [mirror, reserved, meta, issues, ignores] = await Promise.all([
          db.mirror
            .where('[connection+side+list+id]')
            .between(...prefixRange([connectionKey], 4), true, true)
            .toArray(),
          reservedRange().toArray(),
          db.meta.get(connectionKey),
          db.issues.where('connection').equals(connectionKey).sortBy('seq'),
          ignoreRange().toArray(),
        ]);
        const data: MirrorData = {
          cso: {},
          qbo: {},
          reserved: [],
          cursors: meta?.cursors ?? { cso: null, qbo: null },
          issues: [],
          ignores: [],
          realmId: meta?.realmId ?? null,
          ...(meta?.createsHeld ? { createsHeld: true } : {}),
          ...(meta?.undoLog ? { undoLog: meta.undoLog } : {}),
          ...(meta?.holds?.length ? { holds: meta.holds } : {}),
        };
        const lists = { cso: data.cso as Record<string, AnyRecord[]>, qbo: data.qbo as Record<string, AnyRecord[]> };
        for (const row of mirror) (lists[row.side][row.list] ??= []).push(row.record);
        data.reserved = reserved.map(({ connection: _c, ...name }) => name);
        data.issues = issues.map(({ connection: _c, seq: _s, ...issue }) => issue);
        data.ignores = ignores.map(({ connection: _c, ...marker }) => marker);
        return data;
      });
    },
    async replaceSide(side, lists, reserved) {
      // One transaction: a reader never sees half of a side, and a killed worker leaves the old one.
      await db.transaction('rw', [db.mirror, db.reserved], async () => {
        await sideRange(side).delete();
        await db.mirror.bulkPut(Object.entries(lists).flatMap(([list, records]) => toRows(side, list, records ?? [])));
        if (reserved) {
          await reservedRange().delete();
          await db.reserved.bulkPut(reserved.map((r) => ({ ...r, connection: connectionKey })));
        }
      });
    },
    async putRecords(side, list, records) {
      if (records.length) await db.mirror.bulkPut(toRows(side, list, records));
    },
    async removeRecords(side, list, ids) {
      if (ids.length)
        await db.mirror.bulkDelete(ids.map((id): [string, Side, string, string] => [connectionKey, side, list, id]));
    },
    async putReserved(names) {
      if (names.length) await db.reserved.bulkPut(names.map((r) => ({ ...r, connection: connectionKey })));
    },
    async setCursor(side, cursor) {
      await updateMeta((meta) => {
        meta.cursors[side] = cursor;
      });
    },
    async setIssues(issues) {
      await db.transaction('rw', db.issues, async () => {
        await db.issues.where('connection').equals(connectionKey).delete();
        await db.issues.bulkAdd(issues.map((issue) => ({ ...issue, connection: connectionKey })));
      });
    },
    async setIgnores(ignores) {
      await db.transaction('rw', db.ignores, async () => {
        await ignoreRange().delete();
        await db.ignores.bulkPut(ignores.map((marker) => ({ ...marker, connection: connectionKey })));
      });
    },
    async setRealm(realmId) {
      await updateMeta((meta) => {
        meta.realmId = realmId;
      });
    },
    async setCreatesHeld(held) {
      await updateMeta((meta) => {
        if (held) meta.createsHeld = true;
        else delete meta.createsHeld;
      });
    },
    async setUndoLog(log) {
      await updateMeta((meta) => {
        if (log) meta.undoLog = log;
        else delete meta.undoLog;
      });
    },
    async setHolds(holds) {
      await updateMeta((meta) => {
        meta.holds = holds;
      });
    },
    /** Also drops links and rows, atomically: see clear-history.ts. */
    async clear() {
      await clearConnectionState(db, connectionKey);
      rows.rowsCleared(connectionKey);
    },
  };
}
