/**
 * The last planning step: deletions ordered children first (CStoreOffice refuses to delete a parent
 * that still has children, or an account a data type posts to), earlier failures shown on their
 * rows, ignored errors taken out of the plan, and anything left waiting on a removed op reported.
 */
import { type EntityTypeId, ENTITY_TYPES, type QboEntityName, typesStoredAs } from '../../../lib/entities';
import { type IssueRef, issues } from '../../../lib/sync/issues';
import type { PlanMemory } from './plan-options';
import type { OpIndex } from './plan-op-index';
import type { RowLookup } from './plan-rows';
import { addDependency, type PlanOp } from './plan-types';
import type { StoredIssue } from '../../../lib/sync/ports';
import { setStatus, type SyncRow } from './rows';
import { csoList, qboList, type World } from '../../../lib/sync/world';

/**
 * Remove Link leaves this note on the row (as a stored issue of the relink op, so it is dropped once
 * that op has run): the row reads Waiting for Creation until the next sync matches it by name and
 * links it again (DESIGN §3), instead of looking as if nothing happened.
 */
export const LINK_REMOVED = 'linkRemoved';

export function linkRemovedMarker(rowKey: string, at: string): StoredIssue {
  return {
    rowKey,
    opId: `link:${rowKey}`,
    code: LINK_REMOVED,
    title: 'Link removed',
    detail:
      'The link was removed. The next sync matches this record again by name and links it, or creates it if no record of that name remains.',
    retryable: true,
    csoHash: null,
    qboHash: null,
    at,
  };
}

export function finishOps(
  world: World,
  ops: OpIndex,
  rows: RowLookup,
  memory: PlanMemory,
  withHashes: (row: SyncRow) => SyncRow,
  enabledTypes?: ReadonlySet<EntityTypeId>,
): void {
  const turnedOff = enabledTypes ? dropTurnedOff(ops, rows, enabledTypes) : new Set<string>();
  orderDeletions(world, ops);
  for (const stored of memory.issues) {
    const row = rows.get(stored.rowKey);
    if (!row || !ops.has(stored.opId) || row.status === 'error') continue;
    if (stored.code === LINK_REMOVED) {
      setStatus(row, 'waitingForCreation', row.target === 'cso' || row.target === 'both' ? 'both' : 'qbo');
      continue;
    }
    withHashes(row);
    const unchanged = row.csoHash === stored.csoHash && row.qboHash === stored.qboHash;
    if (!unchanged) continue;
    setStatus(row, 'error', null, issues.writeFailed(stored.title, stored.detail));
    // Sending it again would fail the same way until one of the records changes (or the user retries it).
    if (!stored.retryable && !memory.retryRows?.has(row.key)) {
      ops.delete(stored.opId);
      row.opIds = row.opIds.filter((id) => id !== stored.opId);
    }
  }
  for (const hold of memory.holds ?? []) {
    const row = rows.get(hold.rowKey);
    if (!row || memory.retryRows?.has(row.key)) continue;
    setStatus(row, 'error', null, issues.writeFailed(hold.title, hold.detail));
    for (const id of row.opIds) ops.delete(id);
    row.opIds = [];
  }
  for (const marker of memory.ignores) {
    const row = rows.get(marker.rowKey);
    if (!row || row.status !== 'error' || withHashes(row).csoHash !== marker.csoHash || row.qboHash !== marker.qboHash)
      continue;
    setStatus(row, 'synchronized');
    row.ignored = true;
    for (const id of row.opIds) ops.delete(id);
    row.opIds = [];
  }
  dropOrphans(ops, rows, turnedOff);
}

/**
 * Takes out the ops of types the user does not synchronize, and returns their ids. An op serving
 * rows of an enabled type too (one QBO vendor shared by both vendor kinds) stays: that row needs it.
 */
function dropTurnedOff(ops: OpIndex, rows: RowLookup, enabled: ReadonlySet<EntityTypeId>): Set<string> {
  const dropped = new Set<string>();
  for (const op of ops.values()) {
    if (
      enabled.has(op.typeId) ||
      op.rowKeys.some((key) => {
        const row = rows.get(key);
        return !!row && enabled.has(row.typeId);
      })
    )
      continue;
    ops.delete(op.id);
    dropped.add(op.id);
  }
  return dropped;
}

/** A deletion of a parent (or of an account a data type credits or debits) waits for the deletion of its dependants. */
function orderDeletions(world: World, ops: OpIndex): void {
  const deletions = new Map<string, PlanOp>();
  for (const op of ops.values()) {
    if (op.kind === 'delete' && op.csoId) deletions.set(`cso:${op.typeId}:${op.csoId}`, op);
    if (op.kind === 'deactivate' && op.qboId) deletions.set(`qbo:${op.typeId}:${op.qboId}`, op);
  }
  for (const op of deletions.values()) {
    const side = op.kind === 'delete' ? 'cso' : 'qbo';
    const record =
      side === 'cso' ? csoList(world, op.typeId).get(op.csoId!) : qboList(world, op.qboEntity).get(op.qboId!);
    if (!record) continue;
    const parents: string[] = [];
    if (ENTITY_TYPES[op.typeId].hierarchical && record.parentId)
      parents.push(`${side}:${op.typeId}:${record.parentId}`);
    if (op.typeId === 'dataType')
      for (const account of [record.creditAccountId, record.debitAccountId])
        if (typeof account === 'string') parents.push(`${side}:account:${account}`);
    for (const key of parents) {
      const parentOp = deletions.get(key);
      if (parentOp && !parentOp.dependsOn.includes(op.id)) addDependency(parentOp, op.id);
    }
  }
}

/** Ops whose prerequisite was taken out of the plan cannot run: their rows say what they wait for. */
function dropOrphans(ops: OpIndex, rows: RowLookup, turnedOff: ReadonlySet<string>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const op of ops.values()) {
      const missing = missingPrerequisite(op, ops);
      if (missing === undefined) continue;
      ops.delete(op.id);
      changed = true;
      const needed = describeOp(missing, rows);
      for (const key of op.rowKeys) {
        const row = rows.get(key);
        if (!row || row.status === 'error') continue;
        row.opIds = row.opIds.filter((id) => id !== op.id);
        const role = roleOf(op, needed);
        setStatus(
          row,
          'error',
          null,
          turnedOff.has(missing) ? issues.typeTurnedOff(needed, role) : issues.blocked(needed, role),
        );
      }
    }
  }
}

/** The first prerequisite of `op` no longer in the plan (a loop, not a closure per op: planning checks every op). */
function missingPrerequisite(op: PlanOp, ops: OpIndex): string | undefined {
  for (const d of op.dependsOn) if (!ops.has(d)) return d;
  return undefined;
}

/**
 * The record an op serves, for the words of a row waiting on it. Op ids are `<kind>:<row key>`,
 * and row keys `cso:<type>:<id>` or `qbo:<entity>:<id>`, so the row gives its type and name.
 */
function describeOp(opId: string, rows: RowLookup): IssueRef {
  const rowKey = opId.slice(opId.indexOf(':') + 1);
  const row = rows.get(rowKey);
  if (row)
    return {
      side: row.csoId !== null ? 'cso' : 'qbo',
      typeId: row.typeId,
      id: row.csoId ?? row.qboId ?? '',
      name: row.name,
    };
  // A row the plan no longer shows: the type and id are still in its key.
  const [side, list = '', id = ''] = rowKey.split(':');
  const typeId = side === 'qbo' ? (typesStoredAs(list as QboEntityName)[0] ?? 'account') : (list as EntityTypeId);
  return { side: side === 'qbo' ? 'qbo' : 'cso', typeId, id, name: `#${id}` };
}

/** How the record waited for relates to the waiting one: its parent, its credit account, or another record. */
function roleOf(op: PlanOp, needed: IssueRef): string {
  if (needed.typeId === op.typeId && ENTITY_TYPES[op.typeId].hierarchical) return 'parent';
  if (op.typeId === 'dataType' && needed.typeId === 'account') return 'credit account';
  return 'related record';
}
