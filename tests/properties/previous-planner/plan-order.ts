/**
 * Orders a set of ops into dependency levels and cuts each level into batches per side: parents
 * before children, accounts before data types, children deactivated before their parents, and two
 * writes to one record never in the same level (the second needs the first's new revision).
 */
import type { EntityTypeId, QboEntityName } from '../../../lib/entities';
import type { OpLookup } from './plan-op-index';
import { addDependency, type PlanBatch, type PlanLevel, type PlanOp, type SyncPlan } from './plan-types';

export interface BatchSizes {
  cso: number;
  qbo: number;
}

/** `byId`: the same ops by id, when the caller holds that index already (planning does). */
export function orderPlan(
  ops: readonly PlanOp[],
  sizes: BatchSizes,
  byId: OpLookup = new Map(ops.map((op) => [op.id, op])),
): SyncPlan {
  serializeSameTarget(ops);
  // Levels are computed in place: -1 not yet known, -2 on the current path (a loop).
  for (const op of ops) op.level = -1;
  const levelOf = (op: PlanOp): number => {
    if (op.level >= 0) return op.level;
    if (op.level === -2) throw new Error(`Dependency loop through ${op.id}`);
    op.level = -2;
    let level = 0;
    for (const dep of op.dependsOn) {
      const before = byId.get(dep);
      if (before) {
        const l = levelOf(before) + 1;
        if (l > level) level = l;
      }
    }
    op.level = level;
    return level;
  };
  for (const op of ops) levelOf(op);
  // Stable by level, bucketed (levels are few) instead of sorted.
  const buckets: PlanOp[][] = [];
  for (const op of ops) (buckets[op.level] ??= []).push(op);
  const sorted: PlanOp[] = [];
  for (const bucket of buckets) if (bucket) for (const op of bucket) sorted.push(op);
  const planLevels: PlanLevel[] = [];
  const open: OpenBatches[] = [];
  for (const op of sorted) {
    let level = planLevels[op.level];
    if (!level) {
      for (let i = planLevels.length; i <= op.level; i++) planLevels[i] = { level: i, local: [], batches: [] };
      level = planLevels[op.level]!;
    }
    if (op.target === null) level.local.push(op.id);
    else addToBatch(level, op, sizes, open);
  }
  return { ops: sorted, levels: planLevels.filter((l) => l.local.length + l.batches.length > 0) };
}

/** The last batch of one level per side, and how many that side has, so filling batches stays linear. */
type OpenBatches = Partial<Record<'cso' | 'qbo', { batch: PlanBatch; count: number }>>;

function addToBatch(level: PlanLevel, op: PlanOp, sizes: BatchSizes, open: OpenBatches[]): void {
  const side = op.target!;
  const sides = (open[level.level] ??= {});
  let current = sides[side];
  if (!current || current.batch.opIds.length >= sizes[side]) {
    const count = (current?.count ?? 0) + 1;
    current = { batch: { id: `L${level.level}-${side}-${count}`, side, opIds: [] }, count };
    level.batches.push(current.batch);
    sides[side] = current;
  }
  current.batch.opIds.push(op.id);
}

/**
 * A later write to a record waits for the earlier one (shared vendors, a link refresh then an update).
 * The last write per record is kept by list and id (ids are hashed already), not by a built key.
 */
function serializeSameTarget(ops: readonly PlanOp[]): void {
  const lastQbo = new Map<QboEntityName, Map<string, string>>();
  const lastCso = new Map<EntityTypeId, Map<string, string>>();
  for (const op of ops) {
    let last: Map<string, string> | undefined;
    let id: string | null = null;
    if (op.target === 'qbo' && op.qboId) {
      id = op.qboId;
      last = lastQbo.get(op.qboEntity);
      if (!last) lastQbo.set(op.qboEntity, (last = new Map()));
    } else if (op.target === 'cso' && op.csoId) {
      id = op.csoId;
      last = lastCso.get(op.typeId);
      if (!last) lastCso.set(op.typeId, (last = new Map()));
    }
    if (!last || id === null) continue;
    const before = last.get(id);
    if (before && before !== op.id && !op.dependsOn.includes(before)) addDependency(op, before);
    last.set(id, op.id);
  }
}

/** The ops serving the selected rows plus everything they depend on, re-ordered. */
export function selectPlan(plan: SyncPlan, rowKeys: ReadonlySet<string>, sizes: BatchSizes): SyncPlan {
  const byId = new Map(plan.ops.map((op) => [op.id, op]));
  const chosen = new Set<string>();
  const visit = (id: string) => {
    if (chosen.has(id)) return;
    const op = byId.get(id);
    if (!op) return;
    chosen.add(id);
    op.dependsOn.forEach(visit);
  };
  for (const op of plan.ops) if (op.rowKeys.some((k) => rowKeys.has(k))) visit(op.id);
  const ops = plan.ops
    .filter((op) => chosen.has(op.id))
    .map((op) => ({ ...op, dependsOn: op.dependsOn.filter((d) => chosen.has(d)) }));
  return orderPlan(ops, sizes);
}

/** The plan without the ops of `rowKeys`, and without every op that waits for one of those. */
export function dropRows(plan: SyncPlan, rowKeys: ReadonlySet<string>, sizes: BatchSizes): SyncPlan {
  const dropped = new Set(plan.ops.filter((op) => op.rowKeys.some((k) => rowKeys.has(k))).map((op) => op.id));
  // Ops come in dependency order: one pass finds every op waiting, directly or not, for a dropped one.
  for (const op of plan.ops) if (op.dependsOn.some((d) => dropped.has(d))) dropped.add(op.id);
  return orderPlan(
    plan.ops.filter((op) => !dropped.has(op.id)),
    sizes,
  );
}
