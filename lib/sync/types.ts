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

/*
 * The plan: plain data listing every write a synchronization would make, ordered by dependency.
 * It is printed by preview, snapshotted by tests and stored in the journal before execution, so it
 * holds ids and values only (no functions, no Maps). lib/sync/plan/ makes it.
 */

/**
 * A value that names another record on the op's source side. It is translated through the links
 * when the op is sent, because the record may be created earlier in the same run.
 */
export interface RefValue {
  ref: { typeId: EntityTypeId; side: Side; id: string };
}

export type PlanValue = FieldValue | RefValue;

export type OpKind =
  /** Write a new record on `target`. */
  | 'create'
  /** Change fields of an existing record on `target` (a rename or a reactivation is an update). */
  | 'update'
  /** QBO has no delete for these lists: set Active=false. */
  | 'deactivate'
  /** Delete the CStoreOffice record. */
  | 'delete'
  /** Bookkeeping only, no request: store a link and its snapshots. */
  | 'link'
  /** Bookkeeping only, no request: forget links. */
  | 'unlink';

/** What a link op stores: both snapshots, and the decision that steers the pair until written. */
export interface LinkBase {
  cso: Snapshot;
  qbo: Snapshot;
  resolution?: Resolution;
}

/** A CStoreOffice record an op links, with its values at planning time (its snapshot-to-be). */
export interface CsoRef {
  typeId: EntityTypeId;
  csoId: string;
  basis: RecordValues;
}

export interface PlanOp {
  /** Unique within the plan and stable for the same state: the kind and the row it serves. */
  id: string;
  kind: OpKind;
  /** The side written; null for bookkeeping ops. */
  target: Side | null;
  typeId: EntityTypeId;
  qboEntity: QboEntityName;
  csoId: string | null;
  qboId: string | null;
  /** Fields to write, in the target side's terms; absent for bookkeeping and delete ops. */
  values: Record<string, PlanValue>;
  /**
   * The source side's compared values behind `values`, at planning time. After success they become
   * the source side's snapshot of the written fields (for a create in CStoreOffice: the QBO record).
   */
  basis: RecordValues;
  /** The source record's revision, for a create in CStoreOffice (the QBO snapshot's SyncToken). */
  basisRevision: string | null;
  /** The CStoreOffice records linked by a create in QBO, forgotten by unlink/deactivate. */
  csoRefs: CsoRef[];
  /** The link a `link` op stores. */
  snapshots: LinkBase | null;
  /** The rows that show this op as pending. */
  rowKeys: string[];
  /** Ids of ops that must succeed first. */
  dependsOn: string[];
  level: number;
}

/** Up to the side's batch size of writes sent together (QBO: one batch request of ≤ 30 items). */
export interface PlanBatch {
  id: string;
  side: Side;
  opIds: string[];
}

export interface PlanLevel {
  level: number;
  /** Bookkeeping ops of this level, applied without a request. */
  local: string[];
  batches: PlanBatch[];
}

export interface SyncPlan {
  ops: PlanOp[];
  levels: PlanLevel[];
}

export function isRefValue(value: PlanValue | undefined): value is RefValue {
  return typeof value === 'object' && value !== null && 'ref' in value;
}
