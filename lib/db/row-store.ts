/**
 * The rows the engine computed, per connection, so the panel pages through them without the
 * engine recomputing anything. Rows are replaced as a whole after each plan, and patched while a
 * run updates them one by one. Each write also updates the in-memory index queries are answered
 * from (row-index-cache.ts), once its transaction has committed.
 */
import type { RowCounts, SyncRow } from '../sync/rows';
import { type AppDb, prefixRange } from './app-db';
import { countConnectionRows } from './row-counts';
import { rowIndexCache } from './row-index-cache';
import { fromStoredRow, toRowEntry, toRowText, toStoredRow } from './row-keys';
import { queryRows, type RowPage } from './row-page';
import type { RowQuery } from './row-query';

/** The fields of a row that change; `key` names the row. */
export type RowPatch = Partial<Omit<SyncRow, 'key'>> & { key: string };

export interface RowStore {
  /** Replaces every row of the connection in one transaction (one bulkPut, no per-row await). */
  replaceRows(connectionKey: string, rows: readonly SyncRow[]): Promise<void>;
  /** Merges changes into existing rows; a key the store does not hold is skipped. Returns how many changed. */
  patchRows(connectionKey: string, patches: readonly RowPatch[]): Promise<number>;
  queryRows(connectionKey: string, query: RowQuery): Promise<RowPage>;
  countRows(connectionKey: string): Promise<RowCounts>;
}

export function createRowStore(db: AppDb): RowStore {
  const keysOf = (connectionKey: string, keys: readonly string[]) => keys.map((key): [string, string] => [connectionKey, key]);
  const index = rowIndexCache(db);
  return {
    async replaceRows(connectionKey, rows) {
      const stored = rows.map((row) => toStoredRow(connectionKey, row));
      const texts = rows.map((row) => toRowText(connectionKey, row));
      const range = prefixRange([connectionKey], 2);
      await db.transaction('rw', db.rows, db.rowText, async () => {
        await Promise.all([db.rows.where('[connection+key]').between(...range, true, true).delete(), db.rowText.where('[connection+key]').between(...range, true, true).delete()]);
        await Promise.all([db.rows.bulkPut(stored), db.rowText.bulkPut(texts)]);
      });
      index.replaced(connectionKey, stored.map(toRowEntry));
    },
    async patchRows(connectionKey, patches) {
      if (patches.length === 0) return 0;
      const changed = await db.transaction('rw', db.rows, db.rowText, async () => {
        const current = await db.rows.bulkGet(keysOf(connectionKey, patches.map((p) => p.key)));
        // Patches for one key apply in order; sort keys are derived again from the merged row.
        const merged = new Map<string, SyncRow>();
        patches.forEach((patch, i) => {
          const stored = current[i];
          const base = merged.get(patch.key) ?? (stored ? fromStoredRow(stored) : undefined);
          if (base) merged.set(patch.key, { ...base, ...patch });
        });
        const stored = [...merged.values()].map((row) => toStoredRow(connectionKey, row));
        await Promise.all([db.rows.bulkPut(stored), db.rowText.bulkPut([...merged.values()].map((row) => toRowText(connectionKey, row)))]);
        return stored;
      });
      index.patched(connectionKey, changed.map(toRowEntry));
      return changed.length;
    },
    queryRows: (connectionKey, query) => queryRows(db, connectionKey, query),
    countRows: (connectionKey) => countConnectionRows(db, connectionKey),
  };
}
