/** One finished sync run as the history page and its CSV export show it. */
export type RunTrigger = 'user' | 'alarm' | 'resume';

export type StoredOutcome = 'succeeded' | 'partial' | 'failed' | 'cancelled';

/** What a run applied, keyed as the sync service counts it (the preview's actions). */
export type RunCountKey =
  | 'createInQbo'
  | 'createInCso'
  | 'updateQbo'
  | 'updateCso'
  | 'deactivateInQbo'
  | 'deleteInCso'
  | 'link';

export interface HistoryError {
  rowKey: string | null;
  code: string;
  title: string;
  detail: string;
}

export interface StoredRun {
  /** Auto-increment; absent until stored. */
  id?: number;
  connection: string;
  runId: string;
  startedAt: string;
  finishedAt: string;
  trigger: RunTrigger;
  /** Who started it, in words ("Demo Auditor (auditor@demo.test)", "You (toolbar)"); null when no one did (the schedule, a resume). */
  who: string | null;
  outcome: StoredOutcome;
  /** Ops applied per action; a run that stopped before writing has none. */
  counts: Partial<Record<RunCountKey, number>>;
  errors: HistoryError[];
  /** The run's outcome in words, as the manager's notice and last-run box said it (absent on older entries). */
  message?: string;
  /** Set on an Undo's own entry: the run it undid and what it put back. */
  undo?: UndoneCounts & { of: string };
  /**
   * Not yet appended to CStoreOffice's run history (contract v1.3): kept until an append succeeds,
   * so a failed one is retried after the next run. Absent on entries from before, and cleared when
   * the server keeps no history (older servers) or refuses this entry for good.
   */
  csoPending?: true;
  /** The id CStoreOffice gave this run once appended: the History tab shows the two as one. */
  csoRunId?: string;
}

export interface UndoneCounts {
  reactivated: number;
  restored: number;
  removed: number;
}

/** Who started a run, in words: the stored name, else what started it without anyone. */
export function startedBy(entry: Pick<StoredRun, 'who' | 'trigger'>): string {
  return entry.who ?? (entry.trigger === 'resume' ? 'Resumed automatically after an interruption' : 'Automatic sync');
}
