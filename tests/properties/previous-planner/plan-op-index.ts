/**
 * The plan's ops in the order they are made, found by id. A Map of every op by id cost planning
 * more than any other step at 100k records (each id is a fresh string to hash, 130k+ entries), and
 * most ops are never asked for by id: only the ops others wait for are. So an op that something
 * will likely ask for (the caller says so) is indexed at once; asking for any other id makes the
 * index of all ops, once, so every answer stays exact and only its cost depends on the hint.
 */
import type { PlanOp } from './plan-types';

/** What the later steps need of the ops by id (a Map of ops satisfies it). */
export interface OpLookup {
  get(id: string): PlanOp | undefined;
}

export interface OpIndex extends OpLookup {
  /** `asked`: other ops will likely wait for this one (or look it up). Ids are unique: one op of a kind per row. */
  add(op: PlanOp, asked: boolean): void;
  has(id: string): boolean;
  delete(id: string): void;
  /**
   * The ops still in the plan, in the order they were made: the list itself, no copy (taken out
   * ops are dropped from it at the next call). Callers take out only the op they are visiting.
   */
  values(): readonly PlanOp[];
}

export function createOpIndex(): OpIndex {
  let all: PlanOp[] = [];
  const removed = new Set<PlanOp>();
  const asked = new Map<string, PlanOp>();
  let full: Map<string, PlanOp> | null = null;
  const find = (id: string): PlanOp | undefined => {
    const hit = asked.get(id);
    if (hit !== undefined || full) return hit ?? full!.get(id);
    full = new Map();
    for (const op of all) if (!removed.has(op)) full.set(op.id, op);
    return full.get(id);
  };
  return {
    add(op, isAsked) {
      all.push(op);
      if (isAsked) asked.set(op.id, op);
      full?.set(op.id, op);
    },
    get: find,
    has: (id) => find(id) !== undefined,
    delete(id) {
      const op = find(id);
      if (!op) return;
      removed.add(op);
      asked.delete(id);
      full?.delete(id);
    },
    values() {
      if (removed.size > 0) {
        all = all.filter((op) => !removed.has(op));
        removed.clear();
      }
      return all;
    },
  };
}
