/**
 * The rows the engine computed, per connection, so the panel pages through them without the
 * engine recomputing anything. Rows are replaced as a whole after each plan; a patch merges changes
 * into rows already stored.
 *
 * The background makes one row store and hands it to everything that reads or writes rows (the
 * sync service, the message handlers, the engine's state store for Clear Sync History). It owns the
 * in-memory index queries are answered from (row-index-cache.ts) and updates it after each write
 * commits; a second store over the same database would hold an index of its own that no write
 * through the first one updates.
 */
import type { RowCounts, SyncRow } from '../sync/rows';
import { type AppDb, prefixRange } from './app-db';
import { createRowIndexCache } from './row-index-cache';
import { fromStoredRow, toRowEntry, toStoredRow } from './row-keys';
import type { RowPage, RowQuery } from './row-query';

/** The fields of a row that change; `key` names the row. */
export type RowPatch = Partial<Omit<SyncRow, 'key'>> & { key: string };

export interface RowStore {
  /** Replaces every row of the connection in one transaction (one bulkPut, no per-row await). */
  replaceRows(connectionKey: string, rows: readonly SyncRow[]): Promise<void>;
  /** Merges changes into existing rows; a key the store does not hold is skipped. Returns how many changed. */
  patchRows(connectionKey: string, patches: readonly RowPatch[]): Promise<number>;
  /** One page, sorted and filtered (see row-query.ts), with the whole connection's counts by status. */
  queryRows(connectionKey: string, query: RowQuery): Promise<RowPage>;
  countRows(connectionKey: string): Promise<RowCounts>;
  /** Clear Sync History deleted the connection's rows with the rest of its state (clear-history.ts) and committed. */
  rowsCleared(connectionKey: string): void;
}

export function createRowStore(db: AppDb): RowStore {
  const keysOf = (connectionKey: string, keys: readonly string[]) =>
    keys.map((key): [string, string] => [connectionKey, key]);
  const index = createRowIndexCache(db);
  return {
    async replaceRows(connectionKey, rows) {
      const stored = rows.map((row) => toStoredRow(connectionKey, row));
      await db.transaction('rw', db.rows, async () => {
        await db.rows
          .where('[connection+key]')
          .between(...prefixRange([connectionKey], 2), true, true)
          .delete();
        await db.rows.bulkPut(stored);
      });
      index.replaced(connectionKey, rows.map(toRowEntry));
    },
    async patchRows(connectionKey, patches) {
      if (patches.length === 0) return 0;
      const changed = await db.transaction('rw', db.rows, async () => {
        const current = await db.rows.bulkGet(
          keysOf(
            connectionKey,
            patches.map((p) => p.key),
          ),
        );
        // Patches for one key apply in order, each onto the row as the one before left it.
        const merged = new Map<string, SyncRow>();
        patches.forEach((patch, i) => {
          const stored = current[i];
          const base = merged.get(patch.key) ?? (stored ? fromStoredRow(stored) : undefined);
          if (base) merged.set(patch.key, { ...base, ...patch });
        });
        const rows = [...merged.values()];
        await db.rows.bulkPut(rows.map((row) => toStoredRow(connectionKey, row)));
        return rows;
      });
      index.patched(connectionKey, changed.map(toRowEntry));
      return changed.length;
    },
    async queryRows(connectionKey, query) {
      const rows = await index.get(connectionKey);
      const { keys, total } = rows.page(query);
      const counts = rows.counts();
      const stored = await db.rows.bulkGet(keysOf(connectionKey, keys));
      // A row deleted between the index's answer and this read is left out.
      return { rows: stored.filter((r) => r !== undefined).map(fromStoredRow), total, counts };
    },
    async countRows(connectionKey) {
      return (await index.get(connectionKey)).counts();
    },
    rowsCleared(connectionKey) {
      index.cleared(connectionKey);
    },
  };
}
