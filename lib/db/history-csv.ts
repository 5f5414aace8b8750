/**
 * The run history as CSV (RFC 4180), for the history page's export. Pure: the caller reads the
 * entries with `RunHistory.exportAll()` and saves the text.
 */
import { toCsv } from '../shared/csv';
import type { HistoryEntry } from './history-types';

const ACTIONS = ['create', 'update', 'deactivate', 'delete', 'link', 'unlink'] as const;
const HEADER = ['Started', 'Finished', 'Trigger', 'Started by', 'Outcome', 'Created', 'Updated', 'Deactivated', 'Deleted', 'Linked', 'Unlinked', 'Errors', 'Error details'];

export function historyToCsv(entries: readonly HistoryEntry[]): string {
  return toCsv(
    HEADER,
    entries.map((e) => {
      const details = e.errors.map((err) => (err.detail ? `${err.title}: ${err.detail}` : err.title)).join('; ');
      return [e.startedAt, e.finishedAt, e.trigger, e.who ?? '', e.outcome, ...ACTIONS.map((a) => e.counts[a] ?? 0), e.errors.length, details];
    }),
  );
}
