/**
 * Synchronize, Preview and the row actions, and the live progress of a run as the status port
 * reports it. A run may also be started elsewhere (the popup, the alarm); its progress shows here
 * all the same because it arrives through the port, not through our own request.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  type PreviewSummary,
  type RowAction,
  type RunOutcome,
  type RunStatus,
  sendMessage,
} from '@/lib/messaging/protocol';
import { ROW_ACTIONS } from '@/lib/messaging/row-actions';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';
import { useNoticeStore } from './notice-store';
import { useRowsStore } from './rows-store';

/** One title per outcome, the same words the last-run box and History use. */
const RUN_TITLES: Readonly<Record<RunOutcome['outcome'], string>> = {
  success: 'Synchronization finished',
  partial: 'Synchronization finished; rows need attention',
  failed: 'Synchronization stopped',
};

export const useRunStore = defineStore('run', () => {
  const status = ref<RunStatus | null>(null);
  const outcome = ref<RunOutcome | null>(null);
  const preview = ref<PreviewSummary | null>(null);
  const previewing = ref(false);
  const starting = ref(false);
  const acting = ref<RowAction | null>(null);

  const running = computed(
    () => starting.value || (!!status.value && status.value.phase !== 'done' && status.value.phase !== 'failed'),
  );

  function onRunEvent(next: RunStatus) {
    if (!useCompanyStore().concerns(next.companyId, next.origin)) return;
    const before = status.value;
    status.value = next;
    // A run this manager started is told once, by `synchronize` when it answers; one started
    // elsewhere (the popup, the schedule) is told here.
    if (next.phase === 'failed' && before?.phase !== 'failed' && next.message && !starting.value) {
      useNoticeStore().push('error', RUN_TITLES.failed, next.message);
    }
  }

  /** Deletions the last run held for review, until the user confirms them or a later run says otherwise. */
  const held = computed(() => outcome.value?.heldDeletions ?? []);
  /** A first sync's creates in CStoreOffice the last run held for review. */
  const heldCreates = computed(() => outcome.value?.heldCreates ?? null);

  /**
   * `confirm`: what the user reviewed and confirmed: the held deletions' rows (Review deletions →
   * Delete them), or the first sync's creates (Review first sync → Create them).
   */
  async function synchronize(selection?: string[], confirm: { deletions?: string[]; creates?: boolean } = {}) {
    const company = useCompanyStore();
    if (!company.target) return;
    const notices = useNoticeStore();
    starting.value = true;
    outcome.value = null;
    preview.value = null;
    try {
      const result = await sendMessage('synchronize', {
        ...company.target,
        ...(selection?.length ? { selection } : {}),
        ...(company.user ? { user: company.user } : {}),
        ...(confirm.deletions?.length ? { confirmDeletions: confirm.deletions } : {}),
        ...(confirm.creates ? { confirmCreates: true } : {}),
      });
      outcome.value = result;
      const severity = result.outcome === 'success' ? 'success' : result.outcome === 'partial' ? 'warn' : 'error';
      notices.push(severity, RUN_TITLES[result.outcome], result.message);
    } catch (e) {
      notices.push('error', 'Synchronization failed', errorText(e));
    } finally {
      // The table is re-read by the status feed when the run ends (use-manager-feed.ts).
      starting.value = false;
      void company.load(company.company);
    }
  }

  async function loadPreview() {
    const company = useCompanyStore();
    if (!company.target) return;
    previewing.value = true;
    try {
      preview.value = await sendMessage('preview', company.target);
    } catch (e) {
      useNoticeStore().push('error', 'Preview failed', errorText(e));
    } finally {
      previewing.value = false;
    }
  }

  async function act(action: RowAction, rowKeys: string[]): Promise<boolean> {
    const company = useCompanyStore();
    if (!company.target) return false;
    const notices = useNoticeStore();
    const rows = useRowsStore();
    acting.value = action;
    try {
      const reply = await sendMessage('runAction', { ...company.target, action, rowKeys });
      if (reply.ok) {
        notices.push('success', ROW_ACTIONS[action].done, reply.message);
        for (const key of rowKeys) rows.selected.delete(key);
      } else {
        notices.push('error', `${ROW_ACTIONS[action].done}: not done`, reply.message);
      }
      return reply.ok;
    } catch (e) {
      notices.push('error', 'The action failed', errorText(e));
      return false;
    } finally {
      acting.value = null;
      preview.value = null;
      void rows.load();
    }
  }

  function reset() {
    status.value = null;
    outcome.value = null;
    preview.value = null;
  }

  return {
    status,
    outcome,
    held,
    heldCreates,
    preview,
    previewing,
    starting,
    acting,
    running,
    onRunEvent,
    synchronize,
    loadPreview,
    act,
    reset,
  };
});
