/** Row counts by status and the values present, from the connection's in-memory row index. */
import type { EntityTypeId, SyncStatusId } from '../entities';
import type { RowCounts } from '../sync/rows';
import type { AppDb } from './app-db';
import { rowIndexCache } from './row-index-cache';

export async function countConnectionRows(db: AppDb, connectionKey: string): Promise<RowCounts> {
  return (await rowIndexCache(db).get(connectionKey)).counts();
}

/** The types and statuses that occur in the connection's rows, for the column filter menus. */
export async function distinctRowValues(db: AppDb, connectionKey: string): Promise<{ types: EntityTypeId[]; statuses: SyncStatusId[] }> {
  return (await rowIndexCache(db).get(connectionKey)).present();
}
