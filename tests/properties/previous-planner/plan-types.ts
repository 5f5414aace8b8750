/**
 * The plan: plain data listing every write a synchronization would make, ordered by dependency.
 * It is printed by preview, snapshotted by tests and stored in the journal before execution, so it
 * holds ids and values only (no functions, no Maps).
 */
import type { EntityTypeId, QboEntityName, Side } from '../../../lib/entities';
import type { FieldValue, RecordValues, Resolution, Snapshot } from '../../../lib/sync/types';

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

/**
 * Shared by every op that has none (most ops: a link op has no values, basis, refs or prerequisites),
 * instead of an empty object or array each: 100k+ fewer objects for the collector per large plan.
 * Frozen, so a write meant for one op fails loudly instead of reaching all of them.
 */
export const NO_VALUES: RecordValues = Object.freeze({});
export const NO_REFS = Object.freeze([]) as unknown as CsoRef[];
export const NO_DEPS = Object.freeze([]) as unknown as string[];

/** Makes `op` wait for `opId` (an op without prerequisites holds the shared NO_DEPS: it gets its own list). */
export function addDependency(op: PlanOp, opId: string): void {
  if (op.dependsOn === NO_DEPS) op.dependsOn = [opId];
  else op.dependsOn.push(opId);
}

export function isRefValue(value: PlanValue | undefined): value is RefValue {
  return typeof value === 'object' && value !== null && 'ref' in value;
}
