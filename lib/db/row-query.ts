/**
 * One page of a connection's rows, sorted and filtered through IndexedDB indexes rather than by
 * loading and sorting every row. Reads use `getAllKeys` (Dexie's `primaryKeys()` on a plain range),
 * which is one request however many keys, instead of cursors, which cost a round trip per row (and
 * are quadratic in fake-indexeddb). Only the page's rows are read, with one `bulkGet`.
 *
 * 1. No filter: the sort column's index in ascending order is the answer. Page p is read as the
 *    first (p+1)·size keys (a descending page as the first total−p·size keys, taken from the end).
 * 2. Only a filter on the sort column itself (types while sorting by type, statuses while sorting by
 *    status): each chosen value is one contiguous range of that index; the ranges are counted, and
 *    only those the page overlaps are read, as in 1.
 * 3. Anything else: the matching row keys come from the facet index [connection+statusRank+typeId]
 *    (one key range per chosen status and type; keys only), or, with a search, from the small
 *    `rowText` records (name and ids; never whole rows). Then the sort index's keys, in order, are
 *    filtered by that set and sliced. Cost: one key per row of the connection, no row objects.
 *
 * Equal sort values fall back to the primary key (the row key), so paging is stable; a descending
 * sort is the exact reverse of the ascending one.
 */
import type { Collection } from 'dexie';
import { type EntityTypeId, SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { RowCounts, SyncRow } from '../sync/rows';
import { type AppDb, prefixRange } from './app-db';
import { countConnectionRows, FACET_INDEX } from './row-counts';
import { fromStoredRow, matchesSearch, STATUS_RANK, type StoredRow, typeSortKey } from './row-keys';

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

type RowCollection = Collection<StoredRow, [string, string]>;

const SORT_INDEX: Readonly<Record<RowSortField, { index: string; width: number }>> = {
  name: { index: '[connection+nameKey]', width: 2 },
  type: { index: '[connection+typeSort+nameKey]', width: 3 },
  status: { index: '[connection+statusRank+nameKey]', width: 3 },
  csoId: { index: '[connection+csoSort]', width: 2 },
  qboId: { index: '[connection+qboSort]', width: 2 },
  issue: { index: '[connection+issueKey+nameKey]', width: 3 },
};

export async function queryRows(db: AppDb, connectionKey: string, query: RowQuery): Promise<RowPage> {
  const { field, dir } = query.sort ?? { field: 'type', dir: 'asc' };
  const filters = query.filters ?? {};
  const search = filters.search?.trim() ?? '';
  const pageWindow = { start: Math.max(0, query.page) * query.pageSize, size: Math.max(0, query.pageSize), dir };
  const { index, width } = SORT_INDEX[field];
  const sorted = (prefix: unknown[]): RowCollection => db.rows.where(index).between(...prefixRange(prefix, width), true, true);

  return db.transaction('r', db.rows, db.rowText, async () => {
    const counts = await countConnectionRows(db, connectionKey);
    let keys: string[];
    let total: number;
    const lead = leadValues(field, filters, search);
    if (!filters.types && !filters.statuses && !search) {
      total = counts.total;
      keys = await sliceRanges([{ range: sorted([connectionKey]), size: total }], pageWindow);
    } else if (lead) {
      const ranges = await Promise.all(lead.map(async (value) => ({ range: sorted([connectionKey, value]), size: await sorted([connectionKey, value]).count() })));
      total = ranges.reduce((sum, r) => sum + r.size, 0);
      keys = await sliceRanges(ranges, pageWindow);
    } else {
      const matching = await matchingKeys(db, connectionKey, filters, search);
      total = matching.size;
      const ordered = matching.size === 0 ? [] : (await sorted([connectionKey]).primaryKeys()).map(([, key]) => key).filter((key) => matching.has(key));
      if (dir === 'desc') ordered.reverse();
      keys = ordered.slice(pageWindow.start, pageWindow.start + pageWindow.size);
    }
    const rows = await db.rows.bulkGet(keys.map((key): [string, string] => [connectionKey, key]));
    return { rows: rows.filter((r) => r !== undefined).map(fromStoredRow), total, counts };
  });
}

/** The sort column's own filter values in ascending order, when that filter is the only one (way 2). */
function leadValues(field: RowSortField, filters: RowFilters, search: string): (string | number)[] | null {
  if (search) return null;
  let values: (string | number)[] | null = null;
  if (field === 'type' && filters.types && !filters.statuses) values = [...new Set(filters.types)].map(typeSortKey);
  if (field === 'status' && filters.statuses && !filters.types) values = [...new Set(filters.statuses)].map((s) => STATUS_RANK[s]);
  return values && values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The page's keys from ranges that, concatenated, hold the result in ascending order. A descending
 * page is the mirror-image pageWindow, read ascending and reversed.
 */
async function sliceRanges(ranges: { range: RowCollection; size: number }[], pageWindow: { start: number; size: number; dir: 'asc' | 'desc' }): Promise<string[]> {
  const total = ranges.reduce((sum, r) => sum + r.size, 0);
  const lo = pageWindow.dir === 'asc' ? pageWindow.start : Math.max(0, total - pageWindow.start - pageWindow.size);
  const hi = pageWindow.dir === 'asc' ? Math.min(total, pageWindow.start + pageWindow.size) : total - pageWindow.start;
  const keys: string[] = [];
  let offset = 0;
  for (const { range, size } of ranges) {
    const from = Math.max(lo - offset, 0);
    const to = Math.min(hi - offset, size);
    if (from < to) keys.push(...(await range.limit(to).primaryKeys()).slice(from).map(([, key]) => key));
    offset += size;
  }
  return pageWindow.dir === 'asc' ? keys : keys.reverse();
}

/** Row keys matching the filters (way 3), without reading any row. */
async function matchingKeys(db: AppDb, connectionKey: string, filters: RowFilters, search: string): Promise<Set<string>> {
  const statuses = (filters.statuses ? [...new Set(filters.statuses)] : [...SYNC_STATUS_IDS]).map((s) => STATUS_RANK[s]);
  const types = filters.types ? [...new Set(filters.types)] : null;
  if (search) {
    const ranks = new Set(statuses);
    const typeSet = types ? new Set<string>(types) : null;
    const texts = await db.rowText.where('[connection+key]').between(...prefixRange([connectionKey], 2), true, true).toArray();
    return new Set(texts.filter((t) => ranks.has(t.statusRank) && (!typeSet || typeSet.has(t.typeId)) && matchesSearch(t.text, search)).map((t) => t.key));
  }
  const prefixes = statuses.flatMap((rank) => (types ? types.map((t) => [connectionKey, rank, t]) : [[connectionKey, rank]]));
  const parts = await Promise.all(prefixes.map((prefix) => db.rows.where(FACET_INDEX).between(...prefixRange(prefix, 3), true, true).primaryKeys()));
  return new Set(parts.flat().map(([, key]) => key));
}
