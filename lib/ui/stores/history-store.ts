/** The History section: past runs of this company, newest first, a page at a time. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { type HistoryEntry, sendMessage } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';

export const useHistoryStore = defineStore('history', () => {
  const entries = ref<HistoryEntry[]>([]);
  const total = ref(0);
  const page = ref(0);
  const pageSize = 10;
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function load(nextPage = page.value) {
    const target = useCompanyStore().target;
    if (!target) return;
    loading.value = true;
    try {
      const reply = await sendMessage('getHistory', { ...target, page: nextPage, pageSize });
      entries.value = reply.entries;
      total.value = reply.total;
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

  function reset() {
    entries.value = [];
    total.value = 0;
    page.value = 0;
    error.value = null;
  }

  return { entries, total, page, pageSize, error, loading, load, exportCsv, reset };
});
