/**
 * What a finished run says, once, for every surface: its outcome and words (held reviews
 * included), the History entry, and the answer to whoever asked for it.
 */
import type { NewStoredRun } from '@/lib/db';
import type { RunOutcome, RunTrigger } from '@/lib/messaging/protocol';
import { describeHeld, describeHeldCreates, type SyncReport, summarizePlan } from '@/lib/sync';
import { describeOutcome, heldCreatesView, heldView, toPreviewSummary } from './summaries';

export interface RunFacts {
  runId: string;
  startedAt: string;
  finishedAt: string;
  trigger: RunTrigger;
  who: string | null;
}

export function runResult(report: SyncReport, facts: RunFacts): { entry: NewStoredRun; result: RunOutcome } {
  const applied = toPreviewSummary(summarizePlan(report.executed, report.rows));
  const described = describeOutcome(applied, report.failures, report.summary.rows.byStatus.error);
  // Rows held for the user's review mean the run did not do everything, even without an error.
  const held = report.heldDeletions.length > 0 || report.heldCreates !== null;
  const outcome = held && described.outcome === 'success' ? 'partial' : described.outcome;
  const words = [
    described.message,
    ...(report.heldDeletions.length ? [describeHeld(report.heldDeletions)] : []),
    ...(report.heldCreates ? [describeHeldCreates(report.heldCreates)] : []),
  ];
  const message = words.join(' ');
  const entry: NewStoredRun = {
    runId: facts.runId,
    startedAt: facts.startedAt,
    finishedAt: facts.finishedAt,
    trigger: report.resumed && facts.trigger !== 'user' ? 'resume' : facts.trigger,
    who: facts.who,
    outcome: outcome === 'success' ? 'succeeded' : 'partial',
    message,
    counts: { ...applied.counts },
    errors: report.failures.map((f) => ({ rowKey: f.rowKey, code: f.code, title: f.title, detail: f.detail })),
  };
  // What this run did, and how many rows are still in error afterwards.
  const after = toPreviewSummary(report.summary);
  const result: RunOutcome = {
    outcome,
    message,
    summary: { counts: applied.counts, errors: after.errors, keptOut: after.keptOut ?? 0, total: after.total },
    ...(report.heldDeletions.length ? { heldDeletions: report.heldDeletions.map(heldView) } : {}),
    ...(report.heldCreates ? { heldCreates: heldCreatesView(report.heldCreates) } : {}),
  };
  return { entry, result };
}
