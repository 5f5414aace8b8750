/**
 * How a `SyncRow` is stored: the row itself plus derived keys that let IndexedDB sort and filter.
 * IndexedDB leaves a record out of a compound index when any part is null or a boolean, so every
 * derived key is a string or a number, never null.
 */
import { ENTITY_TYPES, type EntityTypeId, SYNC_STATUS_IDS, type SyncStatusId } from '../entities';
import type { SyncRow } from '../sync/rows';

export interface RowSortKeys {
  connection: string;
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
}

/** The search box's view of a row, kept beside it so a search never reads whole rows. */
export interface RowText {
  connection: string;
  key: string;
  statusRank: number;
  typeId: EntityTypeId;
  /** Lower-cased name and both ids. */
  text: string;
}

export type StoredRow = SyncRow & RowSortKeys;

/** What the background keeps of each row in memory to sort, filter and count (see row-index.ts). */
export type RowEntry = Omit<RowSortKeys, 'connection'> & { key: string; typeId: EntityTypeId; text: string };

export const STATUS_RANK: Readonly<Record<SyncStatusId, number>> = Object.fromEntries(SYNC_STATUS_IDS.map((s, i) => [s, i])) as Record<SyncStatusId, number>;

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
  const nameKey = row.name.toLowerCase();
  return {
    ...row,
    connection,
    nameKey,
    typeSort: typeSortKey(row.typeId),
    statusRank: STATUS_RANK[row.status],
    csoSort: idSortKey(row.csoId),
    qboSort: idSortKey(row.qboId),
    issueKey: row.issue?.title.toLowerCase() ?? '',
  };
}

/** Lower-cased name and both ids, as the search box matches them. */
function searchText(row: SyncRow): string {
  return [row.name, row.csoId ?? '', row.qboId ?? ''].join(SEARCH_SEPARATOR).toLowerCase();
}

export function toRowText(connection: string, row: SyncRow): RowText {
  return { connection, key: row.key, statusRank: STATUS_RANK[row.status], typeId: row.typeId, text: searchText(row) };
}

export function toRowEntry(stored: StoredRow): RowEntry {
  const { key, typeId, nameKey, typeSort, statusRank, csoSort, qboSort, issueKey } = stored;
  return { key, typeId, nameKey, typeSort, statusRank, csoSort, qboSort, issueKey, text: searchText(stored) };
}

export function fromStoredRow(stored: StoredRow): SyncRow {
  const { connection: _c, nameKey: _n, typeSort: _t, statusRank: _s, csoSort: _cs, qboSort: _qs, issueKey: _i, ...row } = stored;
  return row;
}

/** Whether a row's search text matches what the user typed (case-insensitive substring). */
export function matchesSearch(text: string, search: string): boolean {
  return text.includes(search.toLowerCase());
}
