/**
 * What a page of rows asks for. Types only, so the row index that answers a query and the page
 * read (row-page.ts) that goes through the index both import them without importing each other.
 */
import type { EntityTypeId, SyncStatusId } from '../entities';

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
