/** A plan summed up for the Preview (dry run) dialog: how many writes of each kind on each side. */
import { countRows, type RowCounts, type SyncRow } from './rows';
import type { OpKind, SyncPlan } from './types';

export interface PlanSummary {
  /** Requests per kind and side (bookkeeping ops are counted under `local`). */
  writes: Record<'create' | 'update', { cso: number; qbo: number }> & { deactivate: number; delete: number };
  local: Record<Extract<OpKind, 'link' | 'unlink'>, number>;
  batches: { cso: number; qbo: number };
  levels: number;
  rows: RowCounts;
}

export function summarizePlan(plan: SyncPlan, rows: readonly SyncRow[]): PlanSummary {
  const summary: PlanSummary = {
    writes: { create: { cso: 0, qbo: 0 }, update: { cso: 0, qbo: 0 }, deactivate: 0, delete: 0 },
    local: { link: 0, unlink: 0 },
    batches: { cso: 0, qbo: 0 },
    levels: plan.levels.length,
    rows: countRows(rows),
  };
  for (const op of plan.ops) {
    if (op.kind === 'link' || op.kind === 'unlink') summary.local[op.kind]++;
    else if (op.kind === 'deactivate') summary.writes.deactivate++;
    else if (op.kind === 'delete') summary.writes.delete++;
    else if (op.target) summary.writes[op.kind][op.target]++;
  }
  for (const level of plan.levels) for (const batch of level.batches) summary.batches[batch.side]++;
  return summary;
}
