/**
 * How a `SyncRow` is kept: stored as it is, tagged with its connection, under the primary key
 * [connection+key] (no other index: nothing asks IndexedDB to sort or filter rows). Sorting,
 * filtering, searching and counting happen in the background's memory (row-index.ts), on a
 * `RowEntry` derived from each row when the index is built.
 */
import { ENTITY_TYPES, type EntityTypeId, SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { SyncRow } from '../sync/rows';

export type StoredRow = SyncRow & { connection: string };

/** What the background keeps of each row in memory to sort, filter and count (see row-index.ts). */
export interface RowEntry {
  key: string;
  typeId: EntityTypeId;
  /** Lower-cased name: users expect "apple" and "Banana" in alphabetical order. */
  nameKey: string;
  /** Lower-cased type label, so the Type column sorts as the user reads it. */
  typeSort: string;
  /** Position in SYNC_STATUS_IDS: the seed's order, from Synchronized to Synchronization Error. */
  statusRank: number;
  csoSort: string;
  qboSort: string;
  /** Lower-cased issue title; '' when the row has none (sorts first). */
  issueKey: string;
  /** Lower-cased name and both ids, as the search box matches them. */
  text: string;
}

export const STATUS_RANK: Readonly<Record<SyncStatusId, number>> = Object.fromEntries(
  SYNC_STATUS_IDS.map((s, i) => [s, i]),
) as Record<SyncStatusId, number>;

function typeSortKey(typeId: EntityTypeId): string {
  return ENTITY_TYPES[typeId].label.toLowerCase();
}

/**
 * Ids sort numerically when they are numbers (QBO ids and CStoreOffice ids are), as users expect
 * "9" before "10"; other ids after them, alphabetically. A missing id sorts first.
 */
function idSortKey(id: string | null): string {
  if (id === null || id === '') return '';
  return /^\d{1,30}$/.test(id) ? `0${id.padStart(30, '0')}` : `1${id.toLowerCase()}`;
}

/** Separates the parts of the search text; a control character nobody types into a search box. */
const SEARCH_SEPARATOR = '\u0001';

export function toStoredRow(connection: string, row: SyncRow): StoredRow {
  return { ...row, connection };
}

export function fromStoredRow(stored: StoredRow): SyncRow {
  const { connection: _c, ...row } = stored;
  return row;
}

export function toRowEntry(row: SyncRow): RowEntry {
  return {
    key: row.key,
    typeId: row.typeId,
    nameKey: row.name.toLowerCase(),
    typeSort: typeSortKey(row.typeId),
    statusRank: STATUS_RANK[row.status],
    csoSort: idSortKey(row.csoId),
    qboSort: idSortKey(row.qboId),
    issueKey: row.issue?.title.toLowerCase() ?? '',
    text: [row.name, row.qboName ?? '', row.csoId ?? '', row.qboId ?? ''].join(SEARCH_SEPARATOR).toLowerCase(),
  };
}

/** Whether a row's search text matches what the user typed (case-insensitive substring). */
export function matchesSearch(text: string, search: string): boolean {
  return text.includes(search.toLowerCase());
}
