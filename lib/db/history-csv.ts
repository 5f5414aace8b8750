/**
 * The run history as CSV (RFC 4180): the one exporter, behind the History section's Export History
 * CSV. Pure: it reads entries as RunHistory stores them (`exportAll()`, newest first).
 */
import { toCsv } from '../shared/csv';
import { type StoredRun, type RunCountKey, startedBy } from './history-types';

/** One column per action the sync service counts, in the order the preview lists them. */
const COUNT_COLUMNS: Readonly<Record<RunCountKey, string>> = {
  createInQbo: 'Created in QuickBooks',
  createInCso: 'Created in CStoreOffice',
  updateQbo: 'Updated in QuickBooks',
  updateCso: 'Updated in CStoreOffice',
  deactivateInQbo: 'Deactivated in QuickBooks',
  deleteInCso: 'Deleted in CStoreOffice',
  link: 'Linked',
};
const COUNT_KEYS = Object.keys(COUNT_COLUMNS) as RunCountKey[];
const HEADER = [
  'Started',
  'Finished',
  'Trigger',
  'Started by',
  'Outcome',
  ...COUNT_KEYS.map((k) => COUNT_COLUMNS[k]),
  'Errors',
  'Error details',
];

export function historyToCsv(entries: readonly StoredRun[]): string {
  return toCsv(
    HEADER,
    entries.map((e) => {
      const details = e.errors.map((err) => (err.detail ? `${err.title}: ${err.detail}` : err.title)).join('; ');
      return [
        e.startedAt,
        e.finishedAt,
        e.trigger,
        startedBy(e),
        e.outcome,
        ...COUNT_KEYS.map((k) => e.counts[k] ?? 0),
        e.errors.length,
        details,
      ];
    }),
  );
}
