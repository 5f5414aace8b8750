/**
 * One page of a connection's rows, sorted and filtered by IndexedDB indexes rather than by loading
 * every row. Three ways to serve a query, cheapest first:
 *
 * 1. No filter: walk the sort column's index with offset/limit (IDB cursors skip with `advance`).
 * 2. Only a filter on the sort column itself (types while sorting by type, statuses while sorting by
 *    status): each chosen value is one contiguous range of that index; ranges are counted, skipped
 *    whole until the offset, then read with offset/limit.
 * 3. Anything else (a filter on another column, or search): a keys-only pass over the facet index
 *    [connection+statusRank+typeId+searchKey] (one range per chosen status) yields the matching row
 *    keys without reading a row; then the sort index is walked keys-only, in order, skipping
 *    non-matching keys and stopping at the end of the page; the page's rows are read with bulkGet.
 *    Cost: one key per row at most, never a row object beyond the page.
 *
 * Equal sort values fall back to the primary key (the row key), so paging is stable; a descending
 * sort is the exact reverse of the ascending one.
 */
import type { Collection } from 'dexie';
import { type EntityTypeId, SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { RowCounts, SyncRow } from '../sync/rows';
import { type AppDb, prefixRange } from './app-db';
import { fromStoredRow, matchesSearch, STATUS_RANK, type StoredRow, typeSortKey } from './row-keys';
import { countConnectionRows } from './row-counts';

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

type RowCollection = Collection<StoredRow, [string, string]>;

const SORT_INDEX: Readonly<Record<RowSortField, { index: string; width: number }>> = {
  name: { index: '[connection+nameKey]', width: 2 },
  type: { index: '[connection+typeSort+nameKey]', width: 3 },
  status: { index: '[connection+statusRank+nameKey]', width: 3 },
  csoId: { index: '[connection+csoSort]', width: 2 },
  qboId: { index: '[connection+qboSort]', width: 2 },
  issue: { index: '[connection+issueKey+nameKey]', width: 3 },
};

const FACET = '[connection+statusRank+typeId+searchKey]';

export async function queryRows(db: AppDb, connectionKey: string, query: RowQuery): Promise<RowPage> {
  const { field, dir } = query.sort ?? { field: 'type', dir: 'asc' };
  const filters = query.filters ?? {};
  const search = filters.search?.trim() ?? '';
  const offset = Math.max(0, query.page) * query.pageSize;
  const { index, width } = SORT_INDEX[field];
  const ordered = (prefix: unknown[]): RowCollection => {
    const range = db.rows.where(index).between(...prefixRange(prefix, width), true, true);
    return dir === 'desc' ? range.reverse() : range;
  };

  return db.transaction('r', db.rows, async () => {
    const counts = await countConnectionRows(db, connectionKey);
    const noFilter = !filters.types && !filters.statuses && !search;
    if (noFilter) {
      const rows = await ordered([connectionKey]).offset(offset).limit(query.pageSize).toArray();
      return { rows: rows.map(fromStoredRow), total: counts.total, counts };
    }
    const lead = leadValues(field, filters, search);
    if (lead) {
      const sortedLead = [...lead].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (dir === 'desc') sortedLead.reverse();
      return { ...(await readRanges(sortedLead.map((v) => ordered([connectionKey, v])), offset, query.pageSize)), counts };
    }
    const matching = await matchingKeys(db, connectionKey, filters, search);
    const pageKeys: string[] = [];
    let seen = 0;
    if (matching.size > offset) {
      await ordered([connectionKey])
        .until(() => pageKeys.length >= query.pageSize)
        .eachPrimaryKey(([, key]) => {
          if (matching.has(key) && seen++ >= offset) pageKeys.push(key);
        });
    }
    const rows = await db.rows.bulkGet(pageKeys.map((key): [string, string] => [connectionKey, key]));
    return { rows: rows.filter((r) => r !== undefined).map(fromStoredRow), total: matching.size, counts };
  });
}

/** The sort column's own filter values, when that filter is the only one (way 2). */
function leadValues(field: RowSortField, filters: RowFilters, search: string): (string | number)[] | null {
  if (search) return null;
  if (field === 'type' && filters.types && !filters.statuses) return [...new Set(filters.types)].map(typeSortKey);
  if (field === 'status' && filters.statuses && !filters.types) return [...new Set(filters.statuses)].map((s) => STATUS_RANK[s]);
  return null;
}

async function readRanges(ranges: RowCollection[], offset: number, pageSize: number): Promise<{ rows: SyncRow[]; total: number }> {
  const sizes = await Promise.all(ranges.map((r) => r.clone().count()));
  const rows: SyncRow[] = [];
  let skip = offset;
  for (const [i, range] of ranges.entries()) {
    const size = sizes[i] ?? 0;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    if (rows.length >= pageSize) break;
    const part = await range.offset(skip).limit(pageSize - rows.length).toArray();
    rows.push(...part.map(fromStoredRow));
    skip = 0;
  }
  return { rows, total: sizes.reduce((a, b) => a + b, 0) };
}

/** Row keys matching the filters, from the facet index's keys alone (way 3). */
async function matchingKeys(db: AppDb, connectionKey: string, filters: RowFilters, search: string): Promise<Set<string>> {
  const types = filters.types ? new Set<string>(filters.types) : null;
  const statuses = filters.statuses ? [...new Set(filters.statuses)] : SYNC_STATUS_IDS;
  const matching = new Set<string>();
  for (const status of statuses) {
    await db.rows
      .where(FACET)
      .between(...prefixRange([connectionKey, STATUS_RANK[status]], 4), true, true)
      .eachKey((key, cursor) => {
        const [, , typeId, searchKey] = key as [string, number, string, string];
        if (types && !types.has(typeId)) return;
        if (search && !matchesSearch(searchKey, search)) return;
        matching.add((cursor.primaryKey as [string, string])[1]);
      });
  }
  return matching;
}
