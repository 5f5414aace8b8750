/** The tie-out's period and its lines, as the background computes them for that period. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { sendMessage } from '@/lib/messaging/protocol';
import type { TieOutRow } from '@/lib/messaging/transactions';
import { errorText } from '@/lib/ui/labels';
import { useCompanyStore } from './company-store';

export const useTieOutStore = defineStore('tieOut', () => {
  const from = ref('');
  const to = ref('');
  const lines = ref<TieOutRow[] | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load() {
    const target = useCompanyStore().target;
    if (!target || !from.value || !to.value) return;
    loading.value = true;
    error.value = null;
    try {
      lines.value = (await sendMessage('tieOutTransactions', { ...target, from: from.value, to: to.value })).lines;
    } catch (e) {
      lines.value = null;
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  function reset() {
    from.value = '';
    to.value = '';
    lines.value = null;
    error.value = null;
  }

  return { from, to, lines, loading, error, load, reset };
});
