/**
 * The plain-JS meaning of a row query (filter, sort, slice), written without the store's derived
 * keys, for the property test to compare against.
 */
import { ENTITY_TYPES, SYNC_STATUS_IDS } from '../../../lib/entities';
import type { RowQuery } from '../../../lib/db';
import type { SyncRow } from '../../../lib/sync/rows';

type Part = string | number | bigint;

function cmp(a: Part, b: Part): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Missing ids first, then numeric ids by value, then other ids alphabetically ignoring case. */
function compareIds(a: string | null, b: string | null): number {
  const rank = (id: string | null) => (!id ? 0 : /^\d+$/.test(id) ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return cmp(BigInt(a!), BigInt(b!));
  if (ra === 2) return cmp(a!.toLowerCase(), b!.toLowerCase());
  return 0;
}

function compareRows(field: NonNullable<RowQuery['sort']>['field'], a: SyncRow, b: SyncRow): number {
  const name = cmp(a.name.toLowerCase(), b.name.toLowerCase());
  const byField = {
    name: () => name,
    type: () => cmp(ENTITY_TYPES[a.typeId].label.toLowerCase(), ENTITY_TYPES[b.typeId].label.toLowerCase()) || name,
    status: () => SYNC_STATUS_IDS.indexOf(a.status) - SYNC_STATUS_IDS.indexOf(b.status) || name,
    csoId: () => compareIds(a.csoId, b.csoId),
    qboId: () => compareIds(a.qboId, b.qboId),
    issue: () => cmp(a.issue?.title.toLowerCase() ?? '', b.issue?.title.toLowerCase() ?? '') || name,
  }[field]();
  return byField || cmp(a.key, b.key);
}

export function referenceQuery(rows: readonly SyncRow[], query: RowQuery): { rows: SyncRow[]; total: number } {
  const { field, dir } = query.sort ?? { field: 'type', dir: 'asc' };
  const { types, statuses, search: rawSearch } = query.filters ?? {};
  const search = rawSearch?.trim().toLowerCase() ?? '';
  const matching = rows.filter(
    (r) =>
      (!types || types.includes(r.typeId)) &&
      (!statuses || statuses.includes(r.status)) &&
      (!search || [r.name, r.csoId ?? '', r.qboId ?? ''].some((s) => s.toLowerCase().includes(search))),
  );
  const sorted = [...matching].sort((a, b) => compareRows(field, a, b));
  if (dir === 'desc') sorted.reverse();
  const start = query.page * query.pageSize;
  return { rows: sorted.slice(start, start + query.pageSize), total: matching.length };
}
