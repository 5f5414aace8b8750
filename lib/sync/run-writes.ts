/**
 * What each write of a run changed, kept so the run can be undone (undo.ts): the written record,
 * the values the written fields held before, and the revision the write left. Undo acts only on a
 * record still at that revision; anything newer is someone else's change, which undo never
 * overwrites.
 */
import { pickValues } from './fields';
import type { PlanOp, RecordValues, RunWrite, SideRecord } from './types';
import { targetRecord, type World } from './world';

/** The written fields' values before the op, read from the world before it is sent. */
export function valuesBefore(world: World, op: PlanOp): RecordValues | null {
  if (op.kind === 'deactivate') return { active: true };
  if (op.kind !== 'update') return null;
  const current = targetRecord(world, op);
  if (!current) return null;
  const side = op.target!;
  const all = pickValues(op.typeId, side, current);
  const before: RecordValues = {};
  for (const field of Object.keys(op.values)) before[field] = all[field] ?? null;
  return before;
}

/** The record of a successful write, or null for an op that is not a write undo can reverse. */
export function runWrite(op: PlanOp, before: RecordValues | null, written: SideRecord | null): RunWrite | null {
  if (!written || !op.target || (op.kind !== 'create' && op.kind !== 'update' && op.kind !== 'deactivate')) return null;
  if (op.kind !== 'create' && !before) return null;
  const list = op.target === 'qbo' ? op.qboEntity : op.typeId;
  return {
    kind: op.kind,
    side: op.target,
    typeId: op.typeId,
    list,
    id: written.id,
    name: written.name,
    before,
    revision: written.revision,
    rowKeys: [...op.rowKeys],
  };
}
