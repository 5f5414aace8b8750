/**
 * Turns the engine's plan summaries and failures into what the surfaces and the history show.
 */
import { ENTITY_TYPES } from '@/lib/entities';
import type { HeldCreates, HeldDeletions, PlanSummary, StoredIssue } from '@/lib/sync';
import type { HeldCreatesView, HeldDeletionsView, PreviewSummary } from '@/lib/messaging/protocol';
import type { UndoneCounts } from '@/lib/db';

export function toPreviewSummary(summary: PlanSummary): PreviewSummary {
  const counts = {
    createInQbo: summary.writes.create.qbo,
    createInCso: summary.writes.create.cso,
    updateQbo: summary.writes.update.qbo,
    updateCso: summary.writes.update.cso,
    deactivateInQbo: summary.writes.deactivate,
    deleteInCso: summary.writes.delete,
    link: summary.local.link,
  };
  return {
    counts,
    errors: summary.rows.byStatus.error,
    keptOut: summary.rows.byStatus.notSynced,
    total: summary.rows.total,
  };
}

/** A run that stopped applied nothing. */
export function emptySummary(): PreviewSummary {
  return {
    counts: { createInQbo: 0, createInCso: 0, updateQbo: 0, updateCso: 0, deactivateInQbo: 0, deleteInCso: 0, link: 0 },
    errors: 0,
    total: 0,
  };
}

export function describeOutcome(
  executed: PreviewSummary,
  failures: readonly StoredIssue[],
  remainingErrors: number,
): { outcome: 'success' | 'partial'; message: string } {
  const written = Object.entries(executed.counts).reduce((sum, [, n]) => sum + n, 0);
  const did = written === 0 ? 'Nothing needed to change' : `${written} change${written === 1 ? '' : 's'} applied`;
  if (failures.length === 0 && remainingErrors === 0)
    return { outcome: 'success', message: `${did}; both systems are in step.` };
  const errors = Math.max(failures.length, remainingErrors);
  return {
    outcome: 'partial',
    message: `${did}; ${errors} row${errors === 1 ? '' : 's'} need${errors === 1 ? 's' : ''} attention (see Synchronization Error rows).`,
  };
}

/** "Undone: 3 restored, 1 reactivated, 2 removed; 1 left as it was (see its row)." */
export function describeUndo(counts: UndoneCounts, refused: number): string {
  const parts = [
    counts.restored && `${counts.restored} restored`,
    counts.reactivated && `${counts.reactivated} reactivated`,
    counts.removed && `${counts.removed} removed`,
  ].filter(Boolean);
  const done = parts.length ? `Undone: ${parts.join(', ')}.` : 'Nothing was undone.';
  const left = refused
    ? ` ${refused} left as ${refused === 1 ? 'it was' : 'they were'}: see ${refused === 1 ? 'its row' : 'their rows'}.`
    : '';
  return `${done}${left}${parts.length ? ' The next Synchronize copies what was restored to the other system.' : ''}`;
}

/** What the manager lists under Review deletions and Review first sync. */
export const heldView = (h: HeldDeletions): HeldDeletionsView => ({
  typeId: h.typeId,
  typeLabel: ENTITY_TYPES[h.typeId].label,
  count: h.count,
  linked: h.linked,
  rows: h.rows.map((r) => ({ rowKey: r.rowKey, name: r.name, target: r.target })),
});

export const heldCreatesView = (h: HeldCreates): HeldCreatesView => ({
  count: h.count,
  byType: h.byType.map((t) => ({
    typeId: t.typeId,
    typeLabel: ENTITY_TYPES[t.typeId].label,
    count: t.count,
    names: [...t.names],
  })),
});
