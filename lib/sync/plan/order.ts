/**
 * Orders a set of ops into dependency levels and cuts each level into batches per side: parents
 * before children, accounts before data types, children deactivated before their parents, and two
 * writes to one record never in the same level (the second needs the first's new revision).
 */
import type { PlanBatch, PlanLevel, PlanOp, SyncPlan } from '../types';
import type { BatchSizes } from './types';

/** `byId`: the same ops by id, when the caller holds that index already (planning does). */
export function orderPlan(
  ops: readonly PlanOp[],
  sizes: BatchSizes,
  byId: Pick<Map<string, PlanOp>, 'get'> = new Map(ops.map((op) => [op.id, op])),
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
  const sorted = [...ops].sort((a, b) => a.level - b.level);
  // Every level below an op's holds one of its prerequisites: the levels run 0, 1, 2… without gaps.
  const levels: PlanLevel[] = [];
  const open: OpenBatches[] = [];
  for (const op of sorted) {
    const level = (levels[op.level] ??= { level: op.level, local: [], batches: [] });
    if (op.target === null) level.local.push(op.id);
    else addToBatch(level, op, sizes, open);
  }
  return { ops: sorted, levels };
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

/** A later write to a record waits for the earlier one (shared vendors, a link refresh then an update). */
function serializeSameTarget(ops: readonly PlanOp[]): void {
  // The last write per record, by side, list and id.
  const last = { cso: new Map<string, Map<string, string>>(), qbo: new Map<string, Map<string, string>>() };
  for (const op of ops) {
    const id = op.target === 'qbo' ? op.qboId : op.target === 'cso' ? op.csoId : null;
    if (!op.target || !id) continue;
    const list = op.target === 'qbo' ? op.qboEntity : op.typeId;
    let ofList = last[op.target].get(list);
    if (!ofList) last[op.target].set(list, (ofList = new Map()));
    const before = ofList.get(id);
    if (before && before !== op.id && !op.dependsOn.includes(before)) op.dependsOn = [...op.dependsOn, before];
    ofList.set(id, op.id);
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
