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
import type { EntityTypeId, SyncStatusId } from '../entities';
import { rowIndexCache } from './row-index-cache';
import { fromStoredRow } from './row-keys';

export type RowSortField = 'type' | 'csoId' | 'name' | 'qboId' | 'issue' | 'status';

export interface RowFilters {
  /** Undefined means every type; an empty list matches nothing. */
  types?: readonly EntityTypeId[];
  /** Undefined means every status; an empty list matches nothing. */
  statuses?: readonly SyncStatusId[];
  /** Case-insensitive substring of the name, the CStoreOffice id or the QBO id; blank means none. */
  search?: string;
}

export interface RowQuery {
  /** Counts from 0. */
  page: number;
  pageSize: number;
  /** Default: by type, then name, ascending. */
  sort?: { field: RowSortField; dir: 'asc' | 'desc' };
  filters?: RowFilters;
}

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
