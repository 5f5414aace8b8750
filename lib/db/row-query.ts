/**
 * What the row store is asked (one page of a connection's rows, sorted and filtered) and what it
 * answers. The connection's in-memory row index (row-index.ts) answers which keys are on the page,
 * how many rows match and the counts by status; only the page's rows are then read from IndexedDB.
 *
 * Equal sort values fall back to the row key, so paging is stable; a descending sort is the exact
 * reverse of the ascending one.
 */
import type { EntityTypeId, SyncStatusId } from '../entities';
import type { RowCounts, SyncRow } from '../sync/rows';

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
