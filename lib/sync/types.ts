/**
 * The engine's plain data: records as read from a side, links with their last-synced snapshots,
 * and the values compared by change detection. Everything here is serialisable (it is stored in
 * IndexedDB and snapshotted in tests), so no classes, Maps or functions.
 */
import type { DomainRecord, EntityTypeId, QboEntityName, Side } from '../entities';

export type FieldValue = string | boolean | null;

/** Field name → value, in one side's id space (a parentId is an id on that side). */
export type RecordValues = Record<string, FieldValue>;

/** The revision the side gave the record (CSO `version`, QBO `SyncToken`) and when it last changed. */
export interface Revisioned {
  revision: string;
  /** ISO time of the side's last change, when the side reports one; used only by newest-wins. */
  updatedAt: string | null;
}

/** A domain record as one side stores it. */
export type SideRecord = DomainRecord & Revisioned;

/** The loose view the engine works with inside; adapters hand over `SideRecord`s. */
export type AnyRecord = Revisioned & {
  id: string;
  name: string;
  active: boolean;
  parentId?: string | null;
} & Record<string, FieldValue | undefined>;

/** A name that a QBO record the engine does not sync holds in a namespace it writes to. */
export interface ReservedName {
  /** `Employee` for the Customer/Vendor/Employee DisplayName namespace; `Item` for non-Service items. */
  entity: 'Employee' | 'Item';
  id: string;
  name: string;
  active: boolean;
}

/** What the engine saw (or wrote) on one side when a link was last in step. */
export interface Snapshot {
  revision: string;
  /** Hash of `values`; lets an adapter index or compare without reading the values. */
  hash: string;
  values: RecordValues;
}

/** The row was an error the user chose to ignore while both sides hold these hashes. */
export interface IgnoredIssue {
  csoHash: string | null;
  qboHash: string | null;
  at: string;
}

/** One CStoreOffice entity linked to one QBO entity (two vendor kinds may share a QBO vendor). */
export interface Link {
  csoType: EntityTypeId;
  csoId: string;
  qboEntity: QboEntityName;
  qboId: string;
  cso: Snapshot;
  qbo: Snapshot;
  ignoredIssue: IgnoredIssue | null;
  linkedAt: string;
  /** A decision the diff carries out instead of the snapshots, dropped once it is written. */
  resolution?: Resolution;
}

/**
 * What decides a pair until it is written: the user's Keep CStoreOffice / Keep QuickBooks (or a
 * near match they linked: CStoreOffice's spelling), or `merge`, a first link's merge by name.
 */
export interface Resolution {
  keep: Side | 'merge';
  /** When the user decided; absent for a first link's merge. */
  at?: string;
}

/** A read position plus when it was taken (QBO's CDC cannot look back more than 30 days). */
export interface Cursor {
  value: string;
  takenAt: string;
}

export function linkKey(csoType: EntityTypeId, csoId: string): string {
  return `${csoType}:${csoId}`;
}

export function qboKey(entity: QboEntityName, id: string): string {
  return `${entity}:${id}`;
}

export function csoRowKey(typeId: EntityTypeId, id: string): string {
  return prefixOf(CSO_PREFIXES, 'cso', typeId) + id;
}

export function qboRowKey(entity: QboEntityName, id: string): string {
  return prefixOf(QBO_PREFIXES, 'qbo', entity) + id;
}

/**
 * `cso:<type>:` and `qbo:<entity>:`, made once each: a key is then one string joined to the id
 * (a template made two, and kept the first inside the key: half the memory of 100k+ row keys).
 */
const CSO_PREFIXES = new Map<string, string>();
const QBO_PREFIXES = new Map<string, string>();

function prefixOf(prefixes: Map<string, string>, side: 'cso' | 'qbo', list: string): string {
  let prefix = prefixes.get(list);
  if (prefix === undefined) prefixes.set(list, (prefix = `${side}:${list}:`));
  return prefix;
}

/**
 * One write of a run, kept so the run can be undone (run-writes.ts, undo.ts): the written record,
 * the values its written fields held before, and the revision the write left.
 */
export interface RunWrite {
  kind: 'create' | 'update' | 'deactivate';
  /** The side that was written. */
  side: Side;
  typeId: EntityTypeId;
  /** The written side's list: a type id in CStoreOffice, an entity name in QBO. */
  list: string;
  id: string;
  name: string;
  /** The written fields as they were, in the written side's ids; null for a create. */
  before: RecordValues | null;
  /** The revision the write left (CStoreOffice `version`, QBO `SyncToken`). */
  revision: string;
  /** The table rows of the op (for a create: the rows of the records it copied). */
  rowKeys: string[];
}

/** The writes of the last run that wrote anything, and whether it was undone. */
export interface UndoLog {
  runId: string;
  at: string;
  writes: RunWrite[];
  undone?: { at: string };
}
