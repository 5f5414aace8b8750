/**
 * The run history as CSV (RFC 4180), for the history page's export. Pure: the caller reads the
 * entries with `RunHistory.exportAll()` and saves the text.
 */
import type { HistoryEntry } from './history-types';

const ACTIONS = ['create', 'update', 'deactivate', 'delete', 'link', 'unlink'] as const;
const HEADER = ['Started', 'Finished', 'Trigger', 'Started by', 'Outcome', 'Created', 'Updated', 'Deactivated', 'Deleted', 'Linked', 'Unlinked', 'Errors', 'Error details'];

/**
 * Quotes a field when it must be, and defuses text a spreadsheet would run as a formula (an error
 * detail quotes record names, which anyone with CStoreOffice access can choose).
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyToCsv(entries: readonly HistoryEntry[]): string {
  const lines = [HEADER.map(field).join(',')];
  for (const e of entries) {
    const details = e.errors.map((err) => (err.detail ? `${err.title}: ${err.detail}` : err.title)).join('; ');
    lines.push([e.startedAt, e.finishedAt, e.trigger, e.who ?? '', e.outcome, ...ACTIONS.map((a) => e.counts[a] ?? 0), e.errors.length, details].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
