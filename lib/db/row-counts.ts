/** Row counts by status and the values present, from index counts alone (no row is read). */
import { ENTITY_TYPE_IDS, type EntityTypeId, SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { RowCounts } from '../sync/rows';
import { type AppDb, prefixRange } from './app-db';
import { STATUS_RANK } from './row-keys';

export const FACET_INDEX = '[connection+statusRank+typeId]';

export async function countConnectionRows(db: AppDb, connectionKey: string): Promise<RowCounts> {
  const counts = await Promise.all(SYNC_STATUS_IDS.map((s) => db.rows.where(FACET_INDEX).between(...prefixRange([connectionKey, STATUS_RANK[s]], 3), true, true).count()));
  const byStatus = Object.fromEntries(SYNC_STATUS_IDS.map((s, i) => [s, counts[i] ?? 0])) as Record<SyncStatusId, number>;
  return { total: counts.reduce((a, b) => a + b, 0), byStatus };
}

/** The types and statuses that occur in the connection's rows, for the column filter menus. */
export async function distinctRowValues(db: AppDb, connectionKey: string): Promise<{ types: EntityTypeId[]; statuses: SyncStatusId[] }> {
  const { byStatus } = await countConnectionRows(db, connectionKey);
  const statuses = SYNC_STATUS_IDS.filter((s) => byStatus[s] > 0);
  const present = await Promise.all(
    ENTITY_TYPE_IDS.map(async (t) => {
      for (const s of statuses) {
        const n = await db.rows.where(FACET_INDEX).between(...prefixRange([connectionKey, STATUS_RANK[s], t], 3), true, true).count();
        if (n > 0) return true;
      }
      return false;
    }),
  );
  return { types: ENTITY_TYPE_IDS.filter((_, i) => present[i]), statuses };
}
