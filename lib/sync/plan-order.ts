/**
 * Orders a set of ops into dependency levels and cuts each level into batches per side: parents
 * before children, accounts before data types, children deactivated before their parents, and two
 * writes to one record never in the same level (the second needs the first's new revision).
 */
import type { PlanBatch, PlanLevel, PlanOp, SyncPlan } from './plan-types';

export interface BatchSizes {
  cso: number;
  qbo: number;
}

export function orderPlan(ops: PlanOp[], sizes: BatchSizes): SyncPlan {
  const byId = new Map<string, PlanOp>();
  for (const op of ops) byId.set(op.id, op);
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
  const open = new Map<string, { batch: PlanBatch; count: number }>();
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

/** `open`: the last batch of each level and side, so filling batches stays linear. */
function addToBatch(level: PlanLevel, op: PlanOp, sizes: BatchSizes, open: Map<string, { batch: PlanBatch; count: number }>): void {
  const side = op.target!;
  const key = `${level.level}:${side}`;
  let current = open.get(key);
  if (!current || current.batch.opIds.length >= sizes[side]) {
    const count = (current?.count ?? 0) + 1;
    current = { batch: { id: `L${level.level}-${side}-${count}`, side, opIds: [] }, count };
    level.batches.push(current.batch);
    open.set(key, current);
  }
  current.batch.opIds.push(op.id);
}

/** A later write to a record waits for the earlier one (shared vendors, a link refresh then an update). */
function serializeSameTarget(ops: PlanOp[]): void {
  const last = new Map<string, string>();
  for (const op of ops) {
    const key = targetKey(op);
    if (key === null) continue;
    const before = last.get(key);
    if (before && before !== op.id && !op.dependsOn.includes(before)) op.dependsOn.push(before);
    last.set(key, op.id);
  }
}

function targetKey(op: PlanOp): string | null {
  if (op.target === 'qbo' && op.qboId) return `q:${op.qboEntity}:${op.qboId}`;
  if (op.target === 'cso' && op.csoId) return `c:${op.typeId}:${op.csoId}`;
  return null;
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
  const ops = plan.ops.filter((op) => chosen.has(op.id)).map((op) => ({ ...op, dependsOn: op.dependsOn.filter((d) => chosen.has(d)) }));
  return orderPlan(ops, sizes);
}
