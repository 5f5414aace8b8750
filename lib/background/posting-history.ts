/** A posting run's History entry: what it wrote in QuickBooks and the rows left in error. */
import type { NewStoredRun } from '@/lib/db';
import type { PostingReport } from '@/lib/posting/engine';
import type { TxnRow } from '@/lib/posting/plan';
import type { RunFacts } from './run-result';

export function postingEntry(facts: RunFacts, report: PostingReport, errors: readonly TxnRow[], message: string) {
  const entry: NewStoredRun = {
    ...facts,
    outcome: report.failed || errors.length ? 'partial' : 'succeeded',
    message,
    // History's counts are the entity sync's kinds: a deleted transaction is said in the message.
    counts: { createInQbo: report.applied.created, updateQbo: report.applied.updated },
    errors: errors.map((row) => ({
      rowKey: row.key,
      code: row.issue?.code ?? 'error',
      title: `${row.document}: ${row.issue?.title ?? 'Synchronization Error'}`,
      detail: row.issue?.detail ?? '',
    })),
  };
  return entry;
}

/** Only a run that wrote, or was refused, is worth a line: a quiet scheduled run adds none. */
export const worthRecording = (report: PostingReport) =>
  report.failed > 0 || report.applied.created + report.applied.updated + report.applied.deleted > 0;
