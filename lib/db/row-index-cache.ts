/**
 * The in-memory row index (row-index.ts) of each connection, owned by the one row store the
 * background makes (row-store.ts), so every write through it keeps the index current: a replace
 * builds the index from the rows it wrote, a patch changes it in place, Clear Sync History empties
 * it. Only a missing index is read from IndexedDB (once per worker start and connection: about a
 * quarter second for 20,000 rows in Chrome; the Audit page's getCompany on load usually pays it
 * before the manager opens).
 *
 * Updates are applied after their transaction commits. A load that a write overtook is still
 * answered (it is a consistent snapshot) but not kept: `writes` counts committed writes per
 * connection, and a load keeps its index only when none committed since it began.
 */
import { type AppDb, prefixRange } from './app-db';
import { createRowIndex, type RowIndex } from './row-index';
import { type RowEntry, toRowEntry } from './row-keys';

/** Connections whose index stays in memory; the least recently used beyond that is dropped. */
const HELD_CONNECTIONS = 4;

export interface RowIndexCache {
  get(connectionKey: string): Promise<RowIndex>;
  /** After a replace committed: the index of exactly these rows. */
  replaced(connectionKey: string, entries: readonly RowEntry[]): void;
  /** After a patch committed: the changed rows' new entries. */
  patched(connectionKey: string, entries: readonly RowEntry[]): void;
  /** After every row of the connection was deleted (Clear Sync History). */
  cleared(connectionKey: string): void;
}

type Slot = { index: RowIndex } | { loading: Promise<RowIndex> };

export function createRowIndexCache(db: AppDb): RowIndexCache {
  /** In use order, oldest first. */
  const held = new Map<string, Slot>();
  const writes = new Map<string, number>();

  const hold = (key: string, slot: Slot) => {
    held.delete(key);
    held.set(key, slot);
    for (const oldest of held.keys()) {
      if (held.size <= HELD_CONNECTIONS) break;
      held.delete(oldest);
    }
  };
  const wrote = (key: string) => writes.set(key, (writes.get(key) ?? 0) + 1);

  async function read(key: string): Promise<RowIndex> {
    const stored = await db.rows
      .where('[connection+key]')
      .between(...prefixRange([key], 2), true, true)
      .toArray();
    return createRowIndex(stored.map(toRowEntry));
  }

  function load(key: string): Promise<RowIndex> {
    const before = writes.get(key) ?? 0;
    const slot = { loading: read(key) };
    hold(key, slot);
    slot.loading.then(
      (index) => {
        if (held.get(key) !== slot) return;
        if ((writes.get(key) ?? 0) === before) held.set(key, { index });
        else held.delete(key);
      },
      () => {
        if (held.get(key) === slot) held.delete(key);
      },
    );
    return slot.loading;
  }

  return {
    async get(key) {
      const slot = held.get(key);
      if (!slot) return load(key);
      hold(key, slot);
      return 'index' in slot ? slot.index : slot.loading;
    },
    replaced(key, entries) {
      wrote(key);
      hold(key, { index: createRowIndex(entries) });
    },
    patched(key, entries) {
      wrote(key);
      const slot = held.get(key);
      if (!slot) return;
      // A load in flight may have read the rows before this patch: start again on next use.
      if ('index' in slot) slot.index.patch(entries);
      else held.delete(key);
    },
    cleared(key) {
      wrote(key);
      hold(key, { index: createRowIndex([]) });
    },
  };
}
