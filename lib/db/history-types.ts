/** One finished sync run as the history page and its CSV export show it. */
export type RunTrigger = 'user' | 'alarm' | 'resume';

export type RunOutcome = 'succeeded' | 'partial' | 'failed' | 'cancelled';

export interface HistoryError {
  rowKey: string | null;
  code: string;
  title: string;
  detail: string;
}

export interface HistoryEntry {
  /** Auto-increment; absent until stored. */
  id?: number;
  connection: string;
  runId: string;
  startedAt: string;
  finishedAt: string;
  trigger: RunTrigger;
  /** Who started it (a CStoreOffice user name), null for the alarm. */
  who: string | null;
  outcome: RunOutcome;
  /** Ops applied per action kind: create, update, deactivate, delete, link, unlink. */
  counts: Record<string, number>;
  errors: HistoryError[];
}
