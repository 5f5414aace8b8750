/**
 * Words the surfaces show for the background's codes, kept in one place so the table, the preview,
 * the history and the popup say the same thing.
 */
import type { SyncStatusId } from '@/lib/entities';
import type { PreviewAction, RunPhase, RunTrigger } from '@/lib/messaging/protocol';

export const PREVIEW_ACTION_LABELS: Readonly<Record<PreviewAction, string>> = {
  createInQbo: 'Create in QuickBooks',
  createInCso: 'Create in CStoreOffice',
  updateQbo: 'Update in QuickBooks',
  updateCso: 'Update in CStoreOffice',
  deactivateInQbo: 'Deactivate in QuickBooks',
  deleteInCso: 'Delete in CStoreOffice',
  link: 'Link records that already match',
};

export const PREVIEW_ACTIONS = Object.keys(PREVIEW_ACTION_LABELS) as PreviewAction[];

export const RUN_PHASE_LABELS: Readonly<Record<RunPhase, string>> = {
  resuming: 'Resuming the interrupted run',
  reading: 'Reading both systems',
  planning: 'Working out what to change',
  writing: 'Writing changes',
  saving: 'Saving links',
  done: 'Finished',
  failed: 'Stopped',
};

export const TRIGGER_LABELS: Readonly<Record<RunTrigger, string>> = {
  user: 'Started by hand',
  alarm: 'Automatic sync',
  resume: 'Resumed after an interruption',
};

export const OUTCOME_LABELS = {
  success: 'Succeeded',
  partial: 'Finished; rows need attention',
  failed: 'Failed',
  running: 'Running',
} as const;

/** PrimeVue Tag severities by status: green for done, amber for pending, red for errors, grey for kept out. */
export const STATUS_SEVERITY: Readonly<Record<SyncStatusId, 'success' | 'info' | 'warn' | 'danger' | 'secondary'>> = {
  synchronized: 'success',
  waitingForCreation: 'info',
  waitingForUpdate: 'info',
  waitingForDeletion: 'warn',
  error: 'danger',
  notSynced: 'secondary',
};

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
