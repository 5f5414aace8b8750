/**
 * One connection's rows reduced to what sorting, filtering and counting need (key, type, status,
 * search text, sort keys), held in the background's memory. Chrome's IndexedDB takes 100–300 ms to
 * count, list the keys of or read 20,000 records, so every query that touched each row (the status
 * counts sent with every page, a search, a filter under another column's sort, a deep page) missed
 * the panel's 100 ms budget; here the same work is one loop over an array.
 *
 * Each column's order is the row positions sorted by that column's keys, with the row key breaking
 * ties, so paging is stable and a descending sort is the exact reverse of the ascending one. An
 * order is built on first use and dropped when a patch changes that column's keys.
 */
import { SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { RowCounts } from '../sync/rows';
import { matchesSearch, type RowEntry, STATUS_RANK } from './row-keys';
import type { RowFilters, RowQuery, RowSortField } from './row-query';

type SortKey = 'nameKey' | 'typeSort' | 'statusRank' | 'csoSort' | 'qboSort' | 'issueKey';

/** A column's sort keys, most significant first; the row key comes last. */
const SORT_KEYS: Readonly<Record<RowSortField, readonly SortKey[]>> = {
  name: ['nameKey'],
  type: ['typeSort', 'nameKey'],
  status: ['statusRank', 'nameKey'],
  csoId: ['csoSort'],
  qboId: ['qboSort'],
  issue: ['issueKey', 'nameKey'],
};

const DEFAULT_SORT: NonNullable<RowQuery['sort']> = { field: 'type', dir: 'asc' };

export interface RowIndex {
  /** The row keys of one page, in display order, and how many rows match the filters. */
  page(query: RowQuery): { keys: string[]; total: number };
  counts(): RowCounts;
  /** Replaces the entries of rows the index holds, by key; other keys are ignored. */
  patch(entries: readonly RowEntry[]): void;
}

export function createRowIndex(initial: readonly RowEntry[]): RowIndex {
  const entries = [...initial];
  const position = new Map(entries.map((e, i) => [e.key, i]));
  const orders = new Map<RowSortField, Uint32Array>();

  function order(field: RowSortField): Uint32Array {
    let sorted = orders.get(field);
    if (!sorted) {
      const keys = SORT_KEYS[field];
      const compare = (a: number, b: number) => {
        const x = entries[a]!;
        const y = entries[b]!;
        for (const k of keys) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
        return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
      };
      sorted = Uint32Array.from(entries.keys()).sort(compare);
      orders.set(field, sorted);
    }
    return sorted;
  }

  return {
    page(query) {
      const { field, dir } = query.sort ?? DEFAULT_SORT;
      const keep = matcher(query.filters ?? {});
      const all = order(field);
      let hits: ArrayLike<number> = all;
      if (keep) {
        const matched: number[] = [];
        for (const p of all) if (keep(entries[p]!)) matched.push(p);
        hits = matched;
      }
      const total = hits.length;
      const start = Math.max(0, query.page) * Math.max(0, query.pageSize);
      const end = Math.min(total, start + Math.max(0, query.pageSize));
      const keys: string[] = [];
      for (let i = start; i < end; i++) keys.push(entries[hits[dir === 'asc' ? i : total - 1 - i]!]!.key);
      return { keys, total };
    },
    counts() {
      const byStatus = Object.fromEntries(SYNC_STATUS_IDS.map((s) => [s, 0])) as Record<SyncStatusId, number>;
      for (const e of entries) byStatus[SYNC_STATUS_IDS[e.statusRank]!]++;
      return { total: entries.length, byStatus };
    },
    patch(changed) {
      for (const next of changed) {
        const p = position.get(next.key);
        if (p === undefined) continue;
        const before = entries[p]!;
        for (const field of orders.keys())
          if (SORT_KEYS[field].some((k) => before[k] !== next[k])) orders.delete(field);
        entries[p] = next;
      }
    },
  };
}

/** The filters as one test, or null when nothing is filtered. An empty list matches nothing. */
function matcher(filters: RowFilters): ((e: RowEntry) => boolean) | null {
  const search = filters.search?.trim() ?? '';
  if (!filters.types && !filters.statuses && !search) return null;
  const types = filters.types ? new Set<string>(filters.types) : null;
  const ranks = filters.statuses ? new Set(filters.statuses.map((s) => STATUS_RANK[s])) : null;
  return (e) =>
    (!types || types.has(e.typeId)) &&
    (!ranks || ranks.has(e.statusRank)) &&
    (!search || matchesSearch(e.text, search));
}
