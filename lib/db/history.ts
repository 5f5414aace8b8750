/**
 * The run history of one connection: what each sync did, newest first. Capped per connection
 * (oldest entries dropped on append) so an alarm every 15 minutes cannot grow it without bound.
 */
import { type AppDb, prefixRange } from './app-db';
import type { StoredRun } from './history-types';

export type NewStoredRun = Omit<StoredRun, 'id' | 'connection'>;

/** Where a page of local entries ends: the next page starts below it. */
export interface LocalPosition {
  startedAt: string;
  id: number;
}

export interface RunHistory {
  append(entry: NewStoredRun): Promise<StoredRun>;
  /** `page` counts from 0. */
  list(request: { page: number; pageSize: number }): Promise<{ entries: StoredRun[]; total: number }>;
  /** Every kept entry, newest first, for the CSV export. */
  exportAll(): Promise<StoredRun[]>;
  clear(): Promise<void>;
  /** Entries still to append to CStoreOffice among the newest `within`, oldest first. */
  pendingShares(within: number): Promise<StoredRun[]>;
  /** The append is done (`csoRunId`), or will never be (null): the entry is no longer pending. */
  markShared(id: number, csoRunId: string | null): Promise<void>;
  /** This browser's entries CStoreOffice knows by these ids. */
  byCsoIds(ids: readonly string[]): Promise<StoredRun[]>;
  /**
   * Up to `limit` entries below `after`, newest first, that CStoreOffice does not list: never
   * appended, or (with `sharedBefore`) appended but older than the oldest run it still keeps.
   */
  localOnly(request: { after: LocalPosition | null; limit: number; sharedBefore: string | null }): Promise<StoredRun[]>;
  /** How many entries CStoreOffice has no id for. */
  countLocalOnly(): Promise<number>;
}

/** About ten weeks of runs every 15 minutes. */
const DEFAULT_HISTORY_CAP = 7000;

const below = (e: StoredRun, after: LocalPosition | null) =>
  !after || e.startedAt < after.startedAt || (e.startedAt === after.startedAt && (e.id ?? 0) < after.id);

export function createRunHistory(db: AppDb, connectionKey: string, options: { cap?: number } = {}): RunHistory {
  const cap = options.cap ?? DEFAULT_HISTORY_CAP;
  const mine = () => db.history.where('[connection+startedAt]').between(...prefixRange([connectionKey], 2), true, true);

  return {
    async append(entry) {
      return db.transaction('rw', db.history, async () => {
        const stored: StoredRun = { ...entry, connection: connectionKey };
        stored.id = await db.history.add(stored);
        const extra = (await mine().count()) - cap;
        if (extra > 0) await db.history.bulkDelete(await mine().limit(extra).primaryKeys());
        return stored;
      });
    },
    async list({ page, pageSize }) {
      return db.transaction('r', db.history, async () => {
        const [entries, total] = await Promise.all([
          mine()
            .reverse()
            .offset(page * pageSize)
            .limit(pageSize)
            .toArray(),
          mine().count(),
        ]);
        return { entries, total };
      });
    },
    async exportAll() {
      return mine().reverse().toArray();
    },
    async clear() {
      await mine().delete();
    },
    async pendingShares(within) {
      const recent = await mine().reverse().limit(within).toArray();
      return recent.filter((e) => e.csoPending).reverse();
    },
    async markShared(id, csoRunId) {
      await db.history
        .where('id')
        .equals(id)
        .modify((e: StoredRun) => {
          delete e.csoPending;
          if (csoRunId) e.csoRunId = csoRunId;
        });
    },
    async byCsoIds(ids) {
      const wanted = new Set(ids);
      return ids.length
        ? mine()
            .filter((e) => !!e.csoRunId && wanted.has(e.csoRunId))
            .toArray()
        : [];
    },
    async localOnly({ after, limit, sharedBefore }) {
      return mine()
        .reverse()
        .filter((e) => below(e, after) && (!e.csoRunId || (sharedBefore !== null && e.startedAt < sharedBefore)))
        .limit(limit)
        .toArray();
    },
    async countLocalOnly() {
      return mine()
        .filter((e) => !e.csoRunId)
        .count();
    },
  };
}
