/**
 * The run history of one connection: what each sync did, newest first. Capped per connection
 * (oldest entries dropped on append) so an alarm every 15 minutes cannot grow it without bound.
 */
import { type AppDb, prefixRange } from './app-db';
import type { StoredRun } from './history-types';

export type NewStoredRun = Omit<StoredRun, 'id' | 'connection'>;

export interface RunHistory {
  append(entry: NewStoredRun): Promise<StoredRun>;
  /** `page` counts from 0. */
  list(request: { page: number; pageSize: number }): Promise<{ entries: StoredRun[]; total: number }>;
  /** Every kept entry, newest first, for the CSV export. */
  exportAll(): Promise<StoredRun[]>;
  clear(): Promise<void>;
}

/** About ten weeks of runs every 15 minutes. */
const DEFAULT_HISTORY_CAP = 7000;

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
  };
}
