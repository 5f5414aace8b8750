/** Row counts by status, from the connection's in-memory row index. */
import type { RowCounts } from '../sync/rows';
import type { AppDb } from './app-db';
import { rowIndexCache } from './row-index-cache';

export async function countConnectionRows(db: AppDb, connectionKey: string): Promise<RowCounts> {
  return (await rowIndexCache(db).get(connectionKey)).counts();
}
