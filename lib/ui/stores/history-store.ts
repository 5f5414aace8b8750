/** The History section: past runs of this company, newest first, a page at a time, and Undo of the last one that wrote. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type HistoryEntry, sendMessage } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';
import { useNoticeStore } from './notice-store';

export const useHistoryStore = defineStore('history', () => {
  const entries = ref<HistoryEntry[]>([]);
  const total = ref(0);
  const page = ref(0);
  const pageSize = 10;
  const error = ref<string | null>(null);
  /** Why runs made in other browsers are missing (CStoreOffice not reached); this browser's are still listed. */
  const shared = ref<string | null>(null);
  const loading = ref(false);

  async function load(nextPage = page.value) {
    const target = useCompanyStore().target;
    if (!target) return;
    loading.value = true;
    try {
      const reply = await sendMessage('getHistory', { ...target, page: nextPage, pageSize });
      entries.value = reply.entries;
      total.value = reply.total;
      shared.value = reply.shared;
      page.value = nextPage;
      error.value = null;
    } catch (e) {
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  async function exportCsv(): Promise<string> {
    const target = useCompanyStore().target;
    if (!target) throw new Error('Choose a company first.');
    return sendMessage('exportHistory', target);
  }

  const undoing = ref(false);

  /** Undo this run (after the section's confirmation); the rows follow from the background's rowsChanged. */
  async function undo(runId: string): Promise<boolean> {
    const company = useCompanyStore();
    if (!company.target || undoing.value) return false;
    const notices = useNoticeStore();
    undoing.value = true;
    try {
      const reply = await sendMessage('undoRun', {
        ...company.target,
        runId,
        ...(company.user ? { user: company.user } : {}),
      });
      notices.push(reply.ok ? 'success' : 'error', reply.ok ? 'Run undone' : 'Undo: not done', reply.message);
      return reply.ok;
    } catch (e) {
      notices.push('error', 'Undo failed', errorText(e));
      return false;
    } finally {
      undoing.value = false;
      await load(0);
    }
  }

  function reset() {
    entries.value = [];
    total.value = 0;
    page.value = 0;
    error.value = null;
    shared.value = null;
  }

  return { entries, total, page, pageSize, error, shared, loading, undoing, load, exportCsv, undo, reset };
});
