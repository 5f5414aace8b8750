/**
 * One page of a connection's rows, sorted and filtered. The connection's in-memory row index
 * (row-index.ts) answers which keys are on the page, how many rows match and the counts by status;
 * only the page's rows are then read from IndexedDB, with one `bulkGet`.
 *
 * Equal sort values fall back to the row key, so paging is stable; a descending sort is the exact
 * reverse of the ascending one.
 */
import type { RowCounts, SyncRow } from '../sync/rows';
import type { AppDb } from './app-db';
import { rowIndexCache } from './row-index-cache';
import { fromStoredRow } from './row-keys';
import type { RowQuery } from './row-query';

export interface RowPage {
  rows: SyncRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  /** The whole connection's rows by status, filters aside (the panel's summary line). */
  counts: RowCounts;
}

export async function queryRows(db: AppDb, connectionKey: string, query: RowQuery): Promise<RowPage> {
  const index = await rowIndexCache(db).get(connectionKey);
  const { keys, total } = index.page(query);
  const counts = index.counts();
  const rows = await db.rows.bulkGet(keys.map((key): [string, string] => [connectionKey, key]));
  // A row deleted between the index's answer and this read is left out.
  return { rows: rows.filter((r) => r !== undefined).map(fromStoredRow), total, counts };
}
