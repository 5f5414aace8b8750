/**
 * Shapes the background's stored data into what the surfaces show: table rows with their links,
 * history entries, and a company's summary.
 */
import { csoRecordPageUrl } from '@/lib/cso';
import { ENTITY_TYPES } from '@/lib/entities';
import { type CompanyRow, type StoredRun, type RunCountKey, startedBy, type SyncStateSummary } from '@/lib/db';
import type { HistoryEntry, LastSync, PanelRow, PreviewSummary } from '@/lib/messaging/protocol';
import { QBO_WEB_HOSTS, qboEntityPageUrl } from '@/lib/qbo';
import type { Settings } from '@/lib/storage/settings';
import type { SyncRow } from '@/lib/sync';
import { describeUndo } from './summaries';

export function qboWebBase(settings: Settings): string {
  return settings.environment === 'custom' ? settings.customQboUrl : QBO_WEB_HOSTS[settings.environment];
}

export function toPanelRow(
  row: SyncRow,
  company: Pick<CompanyRow, 'origin'>,
  webBase: string,
  realmId: string | null,
): PanelRow {
  const issue = row.issue
    ? {
        code: row.issue.code,
        title: row.issue.title,
        detail: row.issue.detail,
        remedies: [...row.issue.remedies],
        ...(row.issue.other ? { otherName: row.issue.other.name } : {}),
      }
    : null;
  return {
    key: row.key,
    typeId: row.typeId,
    typeLabel: typeLabelOf(row),
    csoId: row.csoId,
    qboId: row.qboId,
    name: row.name,
    qboName: row.qboName ?? null,
    status: row.status,
    statusText: row.statusText,
    issue,
    ignored: row.ignored,
    csoUrl: row.csoId ? csoRecordPageUrl(company.origin, row.typeId, row.csoId) : null,
    qboUrl: row.qboId ? qboEntityPageUrl(webBase, row.typeId, row.qboId, realmId ?? undefined) : null,
  };
}

/**
 * A row's type as the table shows it. A vendor found only in QuickBooks is a QuickBooks vendor, not
 * yet either CStoreOffice kind: it says so, and which kind it will be created as.
 */
export function typeLabelOf(row: Pick<SyncRow, 'typeId' | 'typeLabel' | 'csoId'>): string {
  if (row.csoId !== null || ENTITY_TYPES[row.typeId].qboEntity !== 'Vendor') return row.typeLabel;
  return `Vendor (QuickBooks) → ${row.typeLabel.toLowerCase()}`;
}

const OUTCOME: Record<StoredRun['outcome'], HistoryEntry['outcome']> = {
  succeeded: 'success',
  partial: 'partial',
  failed: 'failed',
  cancelled: 'failed',
};

function appliedSummary(entry: StoredRun): PreviewSummary {
  const n = (key: RunCountKey) => entry.counts[key] ?? 0;
  return {
    counts: {
      createInQbo: n('createInQbo'),
      createInCso: n('createInCso'),
      updateQbo: n('updateQbo'),
      updateCso: n('updateCso'),
      deactivateInQbo: n('deactivateInQbo'),
      deleteInCso: n('deleteInCso'),
      link: n('link'),
    },
    errors: entry.errors.length,
    total: 0,
  };
}

/** The words History shows for an entry; also what another browser reads of it from CStoreOffice. */
export function describeHistory(entry: StoredRun): string {
  if (entry.undo) return `Undo of an earlier run. ${describeUndo(entry.undo, entry.errors.length)}`;
  // A stopped run's own entry has no message (its error says why); one from another browser has no errors.
  if (entry.outcome === 'failed' || entry.outcome === 'cancelled')
    return entry.message ?? entry.errors[0]?.detail ?? 'The synchronization stopped.';
  // Said once: History repeats the words the run ended with in the manager.
  if (entry.message) return entry.message;
  const changes = Object.values(entry.counts).reduce((sum, n) => sum + n, 0);
  const did = changes === 0 ? 'Nothing needed to change' : `${changes} change${changes === 1 ? '' : 's'} applied`;
  return entry.errors.length
    ? `${did}; ${entry.errors.length} error${entry.errors.length === 1 ? '' : 's'}.`
    : `${did}.`;
}

/** `undoMark`: the run whose writes are kept for Undo, and whether it was undone (null when none is). */
export function toHistoryEntry(entry: StoredRun, undoMark: SyncStateSummary['undo'] = null): HistoryEntry {
  const mine = undoMark?.runId === entry.runId;
  return {
    runId: entry.runId,
    startedAt: entry.startedAt,
    finishedAt: entry.finishedAt,
    trigger: entry.trigger,
    who: startedBy(entry),
    outcome: OUTCOME[entry.outcome],
    summary: appliedSummary(entry),
    message: describeHistory(entry),
    errors: entry.errors.map((e) => (e.rowKey ? `${e.title}: ${e.detail}` : e.detail)),
    undo: mine ? (undoMark.undone ? 'undone' : 'available') : null,
  };
}

export function toLastSync(entry: StoredRun | undefined): LastSync | null {
  if (!entry) return null;
  const outcome = OUTCOME[entry.outcome];
  return {
    at: entry.finishedAt,
    outcome: outcome === 'running' ? 'partial' : outcome,
    // A run read from CStoreOffice's history (cso-runs.ts) was made elsewhere: say by whom.
    message:
      entry.csoRunId && entry.runId === `cso:${entry.csoRunId}`
        ? `${describeHistory(entry)} Run by ${entry.who}.`
        : describeHistory(entry),
  };
}
